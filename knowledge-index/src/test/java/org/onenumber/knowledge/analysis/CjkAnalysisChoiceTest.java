package org.onenumber.knowledge.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind choosing CJK bigrams for Chinese and Japanese: on small city-service
 * answer sets with citizen-style queries (written for this test), bigrams rank the right answer
 * at least as well as SmartCN (Chinese) and Kuromoji (Japanese), and need no dictionary for new
 * words (place names, new programme names). Prints both MRR figures.
 */
class CjkAnalysisChoiceTest {

  private static final List<String> ZH_DOCS = List.of(
      "大件垃圾如何预约上门回收", "丢失交通卡可以退还余额吗", "护照申请需要准备哪些材料",
      "违章停车如何举报", "新冠疫苗接种预约方法", "路灯坏了向哪里报修", "外国人生活咨询中心开放时间",
      "厨余垃圾每天投放时间");
  private static final List<String[]> ZH_QUERIES = List.of(
      new String[] {"大件垃圾回收", "0"}, new String[] {"交通卡丢了退钱", "1"}, new String[] {"办护照材料", "2"},
      new String[] {"举报乱停车", "3"}, new String[] {"打疫苗预约", "4"}, new String[] {"路灯报修", "5"},
      new String[] {"外国人咨询", "6"}, new String[] {"厨余垃圾时间", "7"});
  private static final List<String> JA_DOCS = List.of(
      "粗大ごみの収集を申し込む方法", "交通カードを紛失した場合の払い戻し", "パスポート申請に必要な書類",
      "違法駐車の通報方法", "新型コロナワクチン接種の予約", "街灯の故障を連絡する", "外国人生活相談センターの受付時間",
      "生ごみを出す曜日");
  private static final List<String[]> JA_QUERIES = List.of(
      new String[] {"粗大ごみ 収集", "0"}, new String[] {"交通カード 払い戻し", "1"}, new String[] {"パスポート 書類", "2"},
      new String[] {"駐車 通報", "3"}, new String[] {"ワクチン 予約", "4"}, new String[] {"街灯 故障", "5"},
      new String[] {"外国人 相談", "6"}, new String[] {"生ごみ 曜日", "7"});

  private static double mrr(Analyzer analyzer, List<String> docs, List<String[]> queries) throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (int i = 0; i < docs.size(); i++) {
          Document d = new Document();
          d.add(new TextField("t", docs.get(i), Field.Store.NO));
          d.add(new StoredField("n", i));
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        double sum = 0;
        for (String[] q : queries) {
          Query query = new QueryBuilder(analyzer).createBooleanQuery("t", q[0]);
          if (query == null) {
            continue;
          }
          ScoreDoc[] hits = searcher.search(query, 10).scoreDocs;
          for (int r = 0; r < hits.length; r++) {
            if (searcher.storedFields().document(hits[r].doc).get("n").equals(q[1])) {
              sum += 1.0 / (r + 1);
              break;
            }
          }
        }
        return sum / queries.size();
      }
    }
  }

  @Test
  public void bigramsRankChineseAndJapaneseAnswersAtLeastAsWellAsTheDictionaryAnalyzers() throws IOException {
    LanguageAnalyzers analyzers = new LanguageAnalyzers();
    double zhBigram = mrr(analyzers.forIndex("zh"), ZH_DOCS, ZH_QUERIES);
    double zhSmart = mrr(new SmartChineseAnalyzer(), ZH_DOCS, ZH_QUERIES);
    double jaBigram = mrr(analyzers.forIndex("ja"), JA_DOCS, JA_QUERIES);
    double jaKuromoji = mrr(new JapaneseAnalyzer(), JA_DOCS, JA_QUERIES);
    System.out.printf("CJK MRR: zh bigram=%.3f smartcn=%.3f | ja bigram=%.3f kuromoji=%.3f%n",
        zhBigram, zhSmart, jaBigram, jaKuromoji);
    assertTrue(zhBigram >= zhSmart, "zh bigram " + zhBigram + " < smartcn " + zhSmart);
    assertTrue(jaBigram >= jaKuromoji, "ja bigram " + jaBigram + " < kuromoji " + jaKuromoji);
  }
}
