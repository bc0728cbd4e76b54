package dev.agoratoken.token;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable map from privilege id (u16) to its expiry (u32), kept in ascending id order
 * because that is the order the wire format requires. Small arrays rather than a TreeMap: a
 * token carries at most a handful of privileges and this sits on the minting hot path.
 */
public final class Privileges {
    static final int MAX_ID = 0xFFFF;
    static final long MAX_VALUE = 0xFFFF_FFFFL;

    private final int[] ids;
    private final long[] values;

    private Privileges(int[] ids, long[] values) {
        this.ids = ids;
        this.values = values;
    }

    /** One privilege. */
    public static Privileges of(int id, long value) {
        return new Privileges(new int[] {check(id, value)}, new long[] {value});
    }

    /** Several privileges that share one expiry, e.g. all four RTC privileges of a publisher. */
    public static Privileges allOf(long value, int... ids) {
        long[] values = new long[ids.length];
        Arrays.fill(values, value);
        return fromArrays(ids.clone(), values);
    }

    /** Any ids and values; the order of the map does not matter. */
    public static Privileges fromMap(Map<Integer, Long> privileges) {
        int[] ids = new int[privileges.size()];
        long[] values = new long[privileges.size()];
        int i = 0;
        for (Map.Entry<Integer, Long> entry : new TreeMap<>(privileges).entrySet()) {
            ids[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
        return fromArrays(ids, values);
    }

    /** Takes ownership of the arrays; sorts them by id and rejects duplicates. */
    static Privileges fromArrays(int[] ids, long[] values) {
        for (int i = 0; i < ids.length; i++) {
            check(ids[i], values[i]);
        }
        // Insertion sort: at most a few entries, and usually already in order.
        for (int i = 1; i < ids.length; i++) {
            int id = ids[i];
            long value = values[i];
            int j = i - 1;
            while (j >= 0 && ids[j] > id) {
                ids[j + 1] = ids[j];
                values[j + 1] = values[j];
                j--;
            }
            ids[j + 1] = id;
            values[j + 1] = value;
        }
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] == ids[i - 1]) {
                throw new IllegalArgumentException("privilege id " + ids[i] + " given twice");
            }
        }
        return new Privileges(ids, values);
    }

    private static int check(int id, long value) {
        if (id < 0 || id > MAX_ID) {
            throw new IllegalArgumentException("privilege id must be 0.." + MAX_ID + ", got " + id);
        }
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("privilege value must be 0.." + MAX_VALUE + ", got " + value);
        }
        return id;
    }

    public int size() {
        return ids.length;
    }

    /** The id at position {@code index}, in ascending id order. */
    public int idAt(int index) {
        return ids[index];
    }

    /** The value at position {@code index}, in ascending id order. */
    public long valueAt(int index) {
        return values[index];
    }

    public boolean contains(int id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** The expiry of privilege {@code id}, or -1 when the token does not grant it. */
    public long get(int id) {
        int index = Arrays.binarySearch(ids, id);
        return index >= 0 ? values[index] : -1;
    }

    /** A read-only, ascending copy, for display and tests. */
    public Map<Integer, Long> asMap() {
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int i = 0; i < ids.length; i++) {
            map.put(ids[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Privileges that
                && Arrays.equals(ids, that.ids)
                && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
