package io.laotie.trust.internal;

/** One scored thing; ordered by kind then id, the order in which the intake locks them. */
public record Subject(SubjectKind kind, long id) implements Comparable<Subject> {

    public static Subject creator(long id) {
        return new Subject(SubjectKind.CREATOR, id);
    }

    public static Subject shop(long id) {
        return new Subject(SubjectKind.SHOP, id);
    }

    public static Subject product(long id) {
        return new Subject(SubjectKind.PRODUCT, id);
    }

    @Override
    public int compareTo(Subject other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : Long.compare(id, other.id);
    }
}
