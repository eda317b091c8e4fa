package dev.gradecheck.batch;

import dev.gradecheck.course.Course;
import dev.gradecheck.course.Exercise;
import dev.gradecheck.course.ManualItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The items a person grades in the exercises a batch grades, in course order. */
final class ManualItems {

    /** One item: its exercise, its id in that exercise, its title and its points. */
    record Item(String exercise, String id, String title, double points) {
        Item {
            Objects.requireNonNull(exercise, "exercise");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }

        /** {@code exercise/id}: unique in the course. */
        String key() {
            return exercise + "/" + id;
        }
    }

    private final List<Item> items;

    private ManualItems(List<Item> items) {
        this.items = List.copyOf(items);
    }

    static ManualItems of(Course course, List<String> exercises) {
        List<Item> items = new ArrayList<>();
        for (Exercise exercise : course.exercises()) {
            if (exercises.isEmpty() || exercises.contains(exercise.id())) {
                for (ManualItem item : exercise.manual()) {
                    items.add(new Item(exercise.id(), item.id(), item.title(), item.points()));
                }
            }
        }
        return new ManualItems(items);
    }

    /** These items, in this order. */
    static ManualItems of(List<Item> items) {
        return new ManualItems(items);
    }

    List<Item> all() {
        return items;
    }

    Optional<Item> find(String exercise, String id) {
        return items.stream().filter(item -> item.exercise().equals(exercise) && item.id().equals(id)).findFirst();
    }
}
