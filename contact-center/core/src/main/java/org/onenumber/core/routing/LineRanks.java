package org.onenumber.core.routing;

/**
 * One queue's line in {@link WaitingIndex#ORDER} with each entry's place in O(log n): an
 * order-statistic treap (each node counts the entries below it). A {@code TreeSet}'s
 * {@code headSet(entry).size()} walks every entry ahead, so announcing or reading the places of a
 * line of thousands cost O(n) each — half of the routing context's CPU at New York's morning peak
 * (issue 17, a JFR profile at trace ~12:00). The treap's shape follows a hash of each entry's
 * unique {@link Entry#seq}, so it is deterministic and balanced in expectation. Not thread-safe.
 */
final class LineRanks {

  private static final class Node {
    final Entry entry;
    final long weight;
    Node left;
    Node right;
    int size = 1;

    Node(Entry entry) {
      this.entry = entry;
      this.weight = mix(entry.seq);
    }
  }

  private Node root;

  int size() {
    return size(root);
  }

  void add(Entry entry) {
    root = insert(root, new Node(entry));
  }

  void remove(Entry entry) {
    root = delete(root, entry);
  }

  /** How many entries of the line come before {@code entry} (whether or not it is in the line). */
  int ahead(Entry entry) {
    int ahead = 0;
    Node node = root;
    while (node != null) {
      int c = WaitingIndex.ORDER.compare(entry, node.entry);
      if (c == 0) {
        return ahead + size(node.left);
      }
      if (c < 0) {
        node = node.left;
      } else {
        ahead += size(node.left) + 1;
        node = node.right;
      }
    }
    return ahead;
  }

  private static Node insert(Node node, Node fresh) {
    if (node == null) {
      return fresh;
    }
    if (fresh.weight > node.weight) {
      Node[] parts = split(node, fresh.entry);
      fresh.left = parts[0];
      fresh.right = parts[1];
      return update(fresh);
    }
    if (WaitingIndex.ORDER.compare(fresh.entry, node.entry) < 0) {
      node.left = insert(node.left, fresh);
    } else {
      node.right = insert(node.right, fresh);
    }
    return update(node);
  }

  private static Node delete(Node node, Entry entry) {
    if (node == null) {
      return null;
    }
    int c = WaitingIndex.ORDER.compare(entry, node.entry);
    if (c == 0) {
      return merge(node.left, node.right);
    }
    if (c < 0) {
      node.left = delete(node.left, entry);
    } else {
      node.right = delete(node.right, entry);
    }
    return update(node);
  }

  /** The entries before {@code entry} and the rest. */
  private static Node[] split(Node node, Entry entry) {
    if (node == null) {
      return new Node[2];
    }
    if (WaitingIndex.ORDER.compare(node.entry, entry) < 0) {
      Node[] parts = split(node.right, entry);
      node.right = parts[0];
      parts[0] = update(node);
      return parts;
    }
    Node[] parts = split(node.left, entry);
    node.left = parts[1];
    parts[1] = update(node);
    return parts;
  }

  /** Joins two treaps whose entries are all in order ({@code left} first). */
  private static Node merge(Node left, Node right) {
    if (left == null) {
      return right;
    }
    if (right == null) {
      return left;
    }
    if (left.weight > right.weight) {
      left.right = merge(left.right, right);
      return update(left);
    }
    right.left = merge(left, right.left);
    return update(right);
  }

  private static Node update(Node node) {
    node.size = 1 + size(node.left) + size(node.right);
    return node;
  }

  private static int size(Node node) {
    return node == null ? 0 : node.size;
  }

  /** SplitMix64's finaliser: a well-spread weight from a sequence number. */
  private static long mix(long seq) {
    long z = seq + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
