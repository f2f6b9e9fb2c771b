package io.laotie;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module structure (no cycles, only allowed dependencies, no reaching into internals) and draws it for docs/. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LaotieApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramsForTheDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(Path.of("docs/modules"));
        sortCanvasLists(Path.of("docs/modules"));
    }

    /** The documenter lists relations in no fixed order; sorting them keeps the committed diagrams stable between runs. */
    private static void sortRelations(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
                List<String> sorted = new ArrayList<>();
                int next = 0;
                for (String line : lines) {
                    sorted.add(line.startsWith("Rel(") ? relations.get(next++) : line);
                }
                Files.write(file, sorted);
            }
        }
    }

    /** The canvases list beans and events in no fixed order either; each run of list items is sorted the same way. */
    private static void sortCanvasLists(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> sorted = new ArrayList<>();
                for (int i = 0; i < lines.size(); ) {
                    if (!isItem(lines.get(i))) {
                        sorted.add(lines.get(i++));
                        continue;
                    }
                    boolean cell = lines.get(i).startsWith("|");
                    List<String> run = new ArrayList<>();
                    while (i < lines.size() && isItem(lines.get(i)) && (run.isEmpty() || !lines.get(i).startsWith("|"))) {
                        run.add(lines.get(i++).replaceFirst("^\\|", ""));
                    }
                    run.sort(null);
                    if (cell) {
                        run.set(0, "|" + run.getFirst());
                    }
                    sorted.addAll(run);
                }
                Files.write(file, sorted);
            }
        }
    }

    private static boolean isItem(String line) {
        return line.startsWith("* ") || line.startsWith("|* ");
    }
}
