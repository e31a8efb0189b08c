package org.w3id.silkgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.silkgraph.Seeds;

/** {@code silkgraph validate}: the build of the seeds conforms to ontology/shapes.ttl; broken graphs do not. */
class ValidateCommandTest {

    private static final String PREFIXES = """
            @prefix sg:   <https://w3id.org/silkgraph/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
            @prefix id:   <https://w3id.org/silkgraph/id/> .
            """;
    /** A small graph that conforms; each broken graph below breaks one thing in it. */
    private static final String GOOD = PREFIXES + """
            id:person\\/张三 a sg:Person ; rdfs:label "张三"@zh ; sg:affiliatedWith id:org\\/科学技术部 .
            id:org\\/科学技术部 a sg:GovernmentBody ; rdfs:label "科学技术部"@zh .
            id:admin\\/500000 a sg:Province , sg:City ; rdfs:label "重庆市"@zh ; sg:adminCode "500000" .
            id:event\\/中俄科技论坛 a sg:Forum ; rdfs:label "中俄科技论坛"@zh ;
                sg:heldIn id:admin\\/500000 ; sg:organizedBy id:org\\/科学技术部 ;
                sg:startDate "2024-05-20"^^xsd:date ; sg:endDate "--05-22"^^xsd:gMonthDay .
            """;

    @TempDir
    static Path shared;
    private static Path seedDump;
    private static Cli.Result seedBuild;

    @TempDir
    Path folder;

    @BeforeAll
    static void buildSeeds() {
        seedDump = shared.resolve("seeds.trig");
        List<String> args = new ArrayList<>(List.of("build", "-q", "-o", seedDump.toString()));
        Seeds.all().forEach(p -> args.add(p.toString()));
        seedBuild = Cli.run(args.toArray(String[]::new));
    }

    @Test
    void theBuildOfAllFiveSeedsConforms() {
        assertEquals(0, seedBuild.status(), seedBuild.toString());
        Cli.Result run = Cli.run("validate", seedDump.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of(), run.outLines(), "no violations");
        assertTrue(run.err().contains("0 violations"), run.err());
    }

    @Test
    void theUnbrokenHandWrittenGraphConforms() throws IOException {
        Cli.Result run = Cli.run("validate", write("good.ttl", GOOD).toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of(), run.outLines());
    }

    @Test
    void aBrokenGraphListsEachViolationOnALineOfItsOwn() throws IOException {
        Path broken = write("broken.ttl", PREFIXES + """
                id:person\\/张三 a sg:Person ; rdfs:label "张三"@zh , "张叁"@zh .
                id:person\\/李四 a sg:Person ; rdfs:label "李四"@zh .
                id:event\\/中俄科技论坛 a sg:Forum ; rdfs:label "中俄科技论坛"@zh ;
                    sg:heldIn id:person\\/李四 ;
                    sg:startDate "2024-05-20" .
                """);
        Cli.Result run = Cli.run("validate", broken.toString());

        assertEquals(1, run.status(), run.toString());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.toString());
        assertEquals(1, matching(lines, "person/张三", "label").size(), "two labels: " + run);
        assertEquals(1, matching(lines, "event/中俄科技论坛", "heldIn").size(), "held in a person: " + run);
        assertEquals(1, matching(lines, "event/中俄科技论坛", "startDate").size(), "a plain string date: " + run);
        assertTrue(run.err().contains("3 violations"), run.err());
    }

    /** Each break alone gives exactly one line, about what was broken. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "two labels            | id:person\\/张三 rdfs:label \"张叁\"@zh .                                     | person/张三           | label",
            "held in a person      | id:event\\/中俄科技论坛 sg:heldIn id:person\\/张三 .                           | event/中俄科技论坛     | heldIn",
            "plain string date     | id:event\\/中俄科技论坛 sg:startDate \"2024-05-20\" .                           | event/中俄科技论坛     | startDate",
            "organized by a place  | id:event\\/中俄科技论坛 sg:organizedBy id:admin\\/500000 .                     | event/中俄科技论坛     | organizedBy",
            "a person is held      | id:person\\/张三 sg:heldIn id:admin\\/500000 .                                 | person/张三           | ''",
            "a bad admin code      | id:admin\\/5000 a sg:City ; rdfs:label \"某市\"@zh ; sg:adminCode \"5000\" .        | admin/5000            | adminCode",
    })
    void oneBreakIsOneLine(String what, String extra, String focus, String path) throws IOException {
        Cli.Result run = Cli.run("validate", write("broken.ttl", GOOD + extra + "\n").toString());
        assertEquals(1, run.status(), what + ": " + run);
        List<String> lines = run.outLines();
        assertEquals(1, lines.size(), what + ": " + run);
        assertTrue(lines.get(0).contains(focus) && lines.get(0).contains(path), what + ": " + lines.get(0));
    }

    @Test
    void aMissingFileIsOneLineAndExitOne() {
        Cli.Result run = Cli.run("validate", folder.resolve("missing.ttl").toString());
        assertEquals(1, run.status(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("missing.ttl"), run.toString());
    }

    private Path write(String name, String turtle) throws IOException {
        return Files.writeString(folder.resolve(name), turtle);
    }

    private static List<String> matching(List<String> lines, String focus, String path) {
        return lines.stream().filter(l -> l.contains(focus) && l.contains(path)).toList();
    }
}
