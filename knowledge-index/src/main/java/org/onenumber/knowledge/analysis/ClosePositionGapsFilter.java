package org.onenumber.knowledge.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Closes the holes that stop filters leave (position increments above one become one), so that
 * multi-word synonyms such as "음식물류 폐기물" parse and match although a particle or stop word
 * was removed between the words. We run no phrase queries, so nothing else depends on the gaps.
 * Not thread-safe (one per analysis chain, as every token filter).
 */
final class ClosePositionGapsFilter extends TokenFilter {

  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

  ClosePositionGapsFilter(TokenStream in) {
    super(in);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (increment.getPositionIncrement() > 1) {
      increment.setPositionIncrement(1);
    }
    return true;
  }
}
