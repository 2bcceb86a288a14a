package org.onenumber.knowledge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;

/**
 * Values computed from one index view (spelling corrections), reused while that
 * view is the current one.
 *
 * <ol>
 *   <li>A lookup for the view the cache holds returns the kept value or computes and keeps it.
 *   <li>A lookup for another view (the searcher was reopened) starts an empty cache for that view;
 *       values of the old view are dropped, so a value never outlives the contents it describes.
 *   <li>More than {@value #MAX_ENTRIES} values: the cache is emptied (bounded memory).
 * </ol>
 *
 * Thread-safe; two threads may compute the same value once each. {@code null} values are kept as
 * such.
 *
 * @param <V> the value type
 */
final class PerReaderCache<V> {

  static final int MAX_ENTRIES = 10_000;
  private static final Object NULL = new Object();

  private record View(IndexReader reader, Map<String, Object> values) {}

  private volatile View view = new View(null, new ConcurrentHashMap<>());

  @SuppressWarnings("unchecked")
  V get(IndexReader reader, String key, Function<String, V> compute) {
    View v = view;
    if (v.reader() != reader) {
      v = new View(reader, new ConcurrentHashMap<>());
      view = v;
    }
    Object value = v.values().get(key);
    if (value == null) {
      V computed = compute.apply(key);
      value = computed == null ? NULL : computed;
      if (v.values().size() >= MAX_ENTRIES) {
        v.values().clear();
      }
      v.values().put(key, value);
    }
    return value == NULL ? null : (V) value;
  }
}
