package io.laotie.catalog;

import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The two-level category tree. Seeded by a migration; operators may add categories. */
@Service
public class Categories {

    private record Row(long id, @Nullable Long parentId, String name, String nameEn, boolean standard) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;

    Categories(JdbcClient jdbc, Ids ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** The whole tree, top-level categories in order, each with its children. */
    public List<Category> tree() {
        List<Row> rows = jdbc.sql("select id, parent_id, name, name_en, standard from categories order by position, id")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list();
        Map<Long, List<Category>> children = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.parentId() != null) {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>())
                        .add(new Category(row.id(), row.parentId(), row.name(), row.nameEn(), row.standard(), List.of()));
            }
        }
        return rows.stream().filter(r -> r.parentId() == null)
                .map(r -> new Category(r.id(), null, r.name(), r.nameEn(), r.standard(), children.getOrDefault(r.id(), List.of())))
                .toList();
    }

    public Optional<Category> find(long id) {
        return jdbc.sql("select id, parent_id, name, name_en, standard from categories where id = ?").param(id)
                .query((rs, n) -> new Category(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getBoolean(5), List.of()))
                .optional();
    }

    public Category get(long id) {
        return find(id).orElseThrow(() -> new NotFound("Category", id));
    }

    /** A leaf category products can go under; anything else is refused as a validation problem on {@code field}. */
    Category leaf(long id, String field) {
        Category category = find(id).orElseThrow(() -> ValidationFailed.unprocessable(field, "no such category"));
        if (!category.leaf()) {
            throw ValidationFailed.unprocessable(field, "products go under a second-level category");
        }
        return category;
    }

    /** Adds a category: top-level without a parent, otherwise under a top-level one (the tree has two levels). */
    @Transactional
    public Category add(@Nullable Long parentId, String name, String nameEn, boolean standard) {
        if (parentId != null) {
            Category parent = find(parentId).orElseThrow(() -> ValidationFailed.unprocessable("parentId", "no such category"));
            if (parent.leaf()) {
                throw ValidationFailed.unprocessable("parentId", "the tree has two levels; pick a top-level parent");
            }
        }
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from categories where "
                        + (parentId == null ? "parent_id is null" : "parent_id = " + parentId))
                .query(Integer.class).single();
        long id = ids.next();
        jdbc.sql("insert into categories (id, parent_id, name, name_en, standard, position) values (?, ?, ?, ?, ?, ?)")
                .params(id, parentId, name.strip(), nameEn.strip(), standard, position).update();
        return get(id);
    }
}
