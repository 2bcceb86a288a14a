package org.onenumber.knowledge.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A citizen's message keeps its content words only; the index analysis is unchanged. */
class MessageAnalysisTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  private List<String> message(String lang, String text) {
    return LanguageAnalyzers.terms(analyzers.forMessageBody(lang), text);
  }

  @Test
  public void koreanMessageDropsCopulaNumbersAndParticles() {
    assertEquals(List.of("소파"), message("ko", "3인용 소파예요"));
    assertEquals(List.of("집", "소파", "버리"), message("ko", "안녕하세요 저희 집 앞에 소파를 버리려고 하는데 어떻게 해야 되나요"));
  }

  @Test
  public void koreanMessageDropsBoundNounsAndAuxiliaries() {
    assertEquals(List.of(), message("ko", "입니다"));
    assertFalse(message("ko", "냉장고 등 폐가전").contains("등"), "the bound noun 등 (etc.) goes");
    assertEquals(List.of("미세", "먼지", "마스크", "쓰"), message("ko", "미세먼지 때문에 마스크 어떤 걸 써야 하나요?"));
  }

  @Test
  public void streetLightAndMaskAreWholeWordsInTheIndexToo() {
    List<String> light = LanguageAnalyzers.terms(analyzers.forIndex("ko"), "가로등이");
    assertTrue(light.contains("가로등") && !light.contains("등"), light.toString());
    assertTrue(LanguageAnalyzers.terms(analyzers.forIndex("ko"), "마스크 어떤 걸 써야").contains("마스크"),
        "a noun, not an interjection (IC), which the index drops");
  }

  @Test
  public void englishMessageDropsStopWordsGreetingsAndNumbers() {
    assertEquals(List.of("seat", "sofa", "throw"), message("en", "Hello, I have a 3-seat sofa to throw away, thanks"));
    assertEquals(List.of(), message("en", "Could you please help me?"));
  }

  @Test
  public void indexAnalysisStillKeepsWhatMessagesDrop() {
    assertTrue(LanguageAnalyzers.terms(analyzers.forIndex("en"), "could you help me").contains("help"));
  }
}
