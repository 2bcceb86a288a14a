package org.onenumber.core.port.in;

import java.util.List;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.NearestFacility;

/** An operator (or the public web) looks for an answer, as-you-type suggestions, or a nearby facility. */
public interface SearchAnswers {

  AnswerSearchResult search(AnswerQuery query);

  List<String> suggest(String prefix, Language language, int limit);

  List<NearestFacility> nearest(double latitude, double longitude, String type, int limit);
}
