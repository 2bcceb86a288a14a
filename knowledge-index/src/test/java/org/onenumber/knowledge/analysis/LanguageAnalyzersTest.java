package org.onenumber.knowledge.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  private List<String> index(String lang, String text) {
    return LanguageAnalyzers.terms(analyzers.forIndex(lang), text);
  }

  private List<String> query(String lang, String text) {
    return LanguageAnalyzers.terms(analyzers.forQuery(lang), text);
  }

  @Test
  public void koreanDropsParticlesSoInflectedWordsMeetTheirStem() {
    System.out.println(index("ko", "음식물쓰레기를 버리는 방법은 무엇인가요? 동주민센터에서 종량제봉투를 삽니다"));
    assertTrue(index("ko", "쓰레기를 버리는 방법").contains("쓰레기"));
    assertEquals(index("ko", "여권"), index("ko", "여권을"));
  }

  @Test
  public void koreanUserDictionaryKnowsCityTerms() {
    assertTrue(index("ko", "따릉이 대여").contains("따릉이"), index("ko", "따릉이 대여").toString());
    assertEquals(List.of("동", "주민센터", "위치"), index("ko", "동주민센터 위치"), "compounds split into known city terms");
  }

  @Test
  public void koreanQueriesExpandCitizenWordsToOfficialTerms() {
    assertTrue(query("ko", "쓰레기 버리기").contains("폐기물"), query("ko", "쓰레기 버리기").toString());
  }

  @Test
  public void englishStemsAndExpandsSynonyms() {
    assertEquals(List.of("vaccin"), index("en", "vaccines"));
    List<String> q = query("en", "pothole");
    assertTrue(q.contains("road") && q.contains("damag"), q.toString());
  }

  @Test
  public void germanAndSwedishFoldInflections() {
    assertEquals(index("de", "Impfungen"), index("de", "Impfung"));
    assertEquals(List.of("vaccin"), index("sv", "och vaccinet"));
  }

  @Test
  public void chineseAndJapaneseBecomeBigrams() {
    assertEquals(List.of("疫苗", "苗接", "接种"), index("zh", "疫苗接种"));
    assertTrue(index("ja", "ワクチン接種").contains("接種"));
  }

  @Test
  public void unknownLanguagesFallBackToLowerCasedWords() {
    assertEquals(List.of("xin", "chào"), index("vi", "Xin Chào"));
    assertEquals(List.of("сайн", "байна"), index("mn", "Сайн байна"));
    assertEquals(LanguageAnalyzers.FALLBACK, LanguageAnalyzers.suffix("tl"));
  }
}
