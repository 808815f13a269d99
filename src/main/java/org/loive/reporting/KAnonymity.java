package org.loive.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * k-anonymity by full-domain generalisation and row suppression: every row's quasi-identifiers are generalised to
 * the same level of each hierarchy, then the rows whose combination still occurs fewer than k times are dropped
 * whole. Of all combinations of levels, the one chosen suppresses at most {@link #MAX_SUPPRESSED_SHARE} of the
 * rows and loses least by the discernibility metric (the sum of each kept class's size squared, plus the number of
 * rows for each row dropped): it keeps the finest partition, rather than the lowest levels, which would rather
 * drop a whole column than generalise two. Ties go to the lower sum of levels (each over its hierarchy's height),
 * then to fewer suppressed rows, then to the lower levels of the hierarchies declared first. The outcome depends
 * only on the multiset of values, never on the order of the rows. With fewer than k rows in all, nothing is kept.
 */
final class KAnonymity {

	/** Rows that may be dropped rather than generalise the whole export further. */
	static final double MAX_SUPPRESSED_SHARE = 0.05;

	/** A quasi-identifier's generalisation: level 0 to {@code levels() - 1}, the last suppressing the value. */
	interface Hierarchy {

		int levels();

		String generalise(String value, int level);
	}

	/** The levels chosen (one per hierarchy), each kept row's generalised values, how many rows were dropped. */
	record Outcome(int[] levels, List<Kept> kept, int suppressed) {
	}

	/** A row kept: its index in the input and its quasi-identifiers generalised. */
	record Kept(int row, List<String> values) {
	}

	private KAnonymity() {
	}

	/** {@code rows}: each row's quasi-identifiers, in the order of {@code hierarchies}. */
	static Outcome anonymise(List<List<String>> rows, List<? extends Hierarchy> hierarchies, int k) {
		if (k < 2) {
			throw new IllegalArgumentException("k must be at least 2");
		}
		Encoded encoded = new Encoded(rows, hierarchies);
		int[] heights = hierarchies.stream().mapToInt(h -> h.levels() - 1).toArray();
		long scale = Arrays.stream(heights).filter(h -> h > 0).asLongStream().reduce(1, KAnonymity::lcm);
		long allowed = (long) Math.floor(rows.size() * MAX_SUPPRESSED_SHARE);
		int[] best = null;
		Loss bestLoss = null;
		for (int[] levels : lattice(hierarchies)) {
			Loss loss = encoded.loss(levels, k, allowed);
			for (int q = 0; q < levels.length; q++) {
				loss = loss.plusHeight(heights[q] == 0 ? 0 : levels[q] * (scale / heights[q]));
			}
			if (best == null || loss.compareTo(bestLoss) < 0) {
				best = levels;
				bestLoss = loss;
			}
		}
		return encoded.outcome(best, k);
	}

	/**
	 * What a choice of levels costs, in order of preference: within the suppression limit; then (inside it) the
	 * discernibility, or (outside it) the rows dropped; then the generalisation height; then the rows dropped. A
	 * tie keeps the choice met first, the lattice being walked in preference order.
	 */
	private record Loss(boolean admissible, long discernibility, long suppressed, long height) implements Comparable<Loss> {

		Loss plusHeight(long value) {
			return new Loss(admissible, discernibility, suppressed, height + value);
		}

		@Override
		public int compareTo(Loss other) {
			if (admissible != other.admissible) {
				return admissible ? -1 : 1;
			}
			int first = admissible ? Long.compare(discernibility, other.discernibility)
					: Long.compare(suppressed, other.suppressed);
			if (first != 0) {
				return first;
			}
			return height != other.height ? Long.compare(height, other.height) : Long.compare(suppressed, other.suppressed);
		}
	}

	/** Every combination of levels, the first hierarchy's varying slowest. */
	private static List<int[]> lattice(List<? extends Hierarchy> hierarchies) {
		List<int[]> nodes = new ArrayList<>();
		nodes.add(new int[hierarchies.size()]);
		for (int q = hierarchies.size() - 1; q >= 0; q--) {
			List<int[]> next = new ArrayList<>();
			for (int level = 0; level < hierarchies.get(q).levels(); level++) {
				for (int[] node : nodes) {
					int[] copy = node.clone();
					copy[q] = level;
					next.add(copy);
				}
			}
			nodes = next;
		}
		nodes.sort(Arrays::compare);
		return nodes;
	}

	private static long lcm(long a, long b) {
		long x = a;
		long y = b;
		while (y != 0) {
			long t = x % y;
			x = y;
			y = t;
		}
		return a / x * b;
	}

	/** Each row's value at each level of each hierarchy as a small number, so that a class is one long. */
	private static final class Encoded {

		private final List<? extends Hierarchy> hierarchies;
		private final List<List<String>> rows;
		/** codes[q][level][row] */
		private final int[][][] codes;
		/** distinct[q][level]: how many values that level takes, the radix of its digit in a class's key. */
		private final int[][] distinct;

		Encoded(List<List<String>> rows, List<? extends Hierarchy> hierarchies) {
			this.rows = rows;
			this.hierarchies = hierarchies;
			this.codes = new int[hierarchies.size()][][];
			this.distinct = new int[hierarchies.size()][];
			for (int q = 0; q < hierarchies.size(); q++) {
				Hierarchy hierarchy = hierarchies.get(q);
				codes[q] = new int[hierarchy.levels()][rows.size()];
				distinct[q] = new int[hierarchy.levels()];
				for (int level = 0; level < hierarchy.levels(); level++) {
					Map<String, Integer> seen = new HashMap<>();
					for (int row = 0; row < rows.size(); row++) {
						String value = hierarchy.generalise(rows.get(row).get(q), level);
						codes[q][level][row] = seen.computeIfAbsent(value, v -> seen.size());
					}
					distinct[q][level] = Math.max(1, seen.size());
				}
			}
		}

		Loss loss(int[] levels, int k, long allowed) {
			long suppressed = 0;
			long discernibility = 0;
			for (long size : classes(levels).values()) {
				if (size < k) {
					suppressed += size;
				}
				else {
					discernibility += size * size;
				}
			}
			discernibility += suppressed * rows.size();
			return new Loss(suppressed <= allowed, discernibility, suppressed, 0);
		}

		Outcome outcome(int[] levels, int k) {
			long[] keys = keys(levels);
			Map<Long, Integer> sizes = classes(keys);
			List<Kept> kept = new ArrayList<>();
			for (int row = 0; row < rows.size(); row++) {
				if (sizes.get(keys[row]) >= k) {
					List<String> values = new ArrayList<>();
					for (int q = 0; q < levels.length; q++) {
						values.add(hierarchies.get(q).generalise(rows.get(row).get(q), levels[q]));
					}
					kept.add(new Kept(row, List.copyOf(values)));
				}
			}
			return new Outcome(levels.clone(), List.copyOf(kept), rows.size() - kept.size());
		}

		private Map<Long, Integer> classes(int[] levels) {
			return classes(keys(levels));
		}

		private static Map<Long, Integer> classes(long[] keys) {
			Map<Long, Integer> sizes = new HashMap<>();
			for (long key : keys) {
				sizes.merge(key, 1, Integer::sum);
			}
			return sizes;
		}

		/** Each row's class as a number in mixed radix; the vocabularies are small, so it fits in a long. */
		private long[] keys(int[] levels) {
			long[] keys = new long[rows.size()];
			long radix = 1;
			for (int q = 0; q < levels.length; q++) {
				int[] column = codes[q][levels[q]];
				for (int row = 0; row < keys.length; row++) {
					keys[row] = Math.addExact(keys[row], Math.multiplyExact(column[row], radix));
				}
				radix = Math.multiplyExact(radix, distinct[q][levels[q]]);
			}
			return keys;
		}
	}
}
