package dev.noema;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of the README's "Architecture" section, checked against the compiled classes
 * (ArchUnit): the table is the rule, so the README and the code cannot drift apart. A package
 * includes its subpackages.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.noema";

  private static JavaClasses CLASSES;
  private static Map<String, Set<String>> MAP;

  @BeforeAll
  static void readTheCodeAndTheMap() {
    // Only Noema's own compiled classes (target/classes): scanning the whole classpath's jars for
    // the package took a minute.
    try {
      CLASSES =
          new ClassFileImporter()
              .importPath(
                  Path.of(
                      dev.noema.cli.Main.class
                          .getProtectionDomain()
                          .getCodeSource()
                          .getLocation()
                          .toURI()));
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
    MAP = packageMap(Path.of("README.md"));
  }

  @Test
  void the_map_names_every_package_of_the_code() {
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : CLASSES) {
      packages.add(topLevel(c.getPackageName()));
    }
    Set<String> unmapped = new TreeSet<>(packages);
    unmapped.removeAll(MAP.keySet());
    assertEquals(Set.of(), unmapped, "packages missing from the README's package map");
    assertTrue(packages.size() >= 10, "the classes were imported: " + packages);
  }

  @Test
  void each_package_depends_only_on_what_its_row_in_the_map_allows() {
    for (Map.Entry<String, Set<String>> row : MAP.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : MAP.keySet()) {
        if (!other.equals(row.getKey()) && !row.getValue().contains(other)) {
          forbidden.add(ROOT + "." + other + "..");
        }
      }
      if (forbidden.isEmpty()) {
        continue;
      }
      noClasses()
          .that()
          .resideInAPackage(ROOT + "." + row.getKey() + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden.toArray(String[]::new))
          .because("the README's package map lets " + row.getKey() + " use only " + row.getValue())
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }

  @Test
  void no_two_packages_depend_on_each_other() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void no_two_subpackages_depend_on_each_other() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void conversation_knows_nothing_of_rdf() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".conversation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.jena..")
        .check(CLASSES);
  }

  @Test
  void only_the_store_touches_tdb2_and_its_transactions() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.jena.tdb2..", "org.apache.jena.system..")
        .check(CLASSES);
  }

  @Test
  void only_neo4j_touches_the_neo4j_driver_and_database() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".neo4j..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.neo4j..")
        .check(CLASSES);
  }

  @Test
  void only_llm_builds_the_providers_clients() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".llm..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.langchain4j.model.openai..",
            "dev.langchain4j.model.anthropic..",
            "dev.langchain4j.model.ollama..")
        .check(CLASSES);
  }

  @Test
  void only_main_exits() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(ROOT + ".cli.Main")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(CLASSES);
  }

  @Test
  void the_edges_hold_no_graph_algorithm() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".server..", ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jgrapht..")
        .because("server and cli only wire; algorithms live in library packages")
        .check(CLASSES);
  }

  @Test
  void the_map_is_read_from_the_readme_as_written() {
    assertEquals(Set.of(), MAP.get("text"));
    assertEquals(Set.of("conversation", "ontology", "text"), MAP.get("store"));
    Set<String> others = new LinkedHashSet<>(MAP.keySet());
    others.remove("cli");
    assertEquals(others, MAP.get("cli"), "cli, the last row, may use every package above it");
  }

  private static String topLevel(String packageName) {
    String rest = packageName.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /**
   * The package map: each row's package (its first {@code `name`}) and the packages its "may depend
   * on" cell names; "every package above" stands for all the rows before it, "nothing" for none.
   * Rows in the README's order.
   */
  static Map<String, Set<String>> packageMap(Path readme) {
    String text;
    try {
      text = Files.readString(readme);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + readme, e);
    }
    int start = text.indexOf("\n## Architecture\n");
    assertTrue(start >= 0, readme + " has no Architecture section");
    int end = text.indexOf("\n## ", start + 1);
    String section = end < 0 ? text.substring(start) : text.substring(start, end);
    Pattern name = Pattern.compile("`([a-z0-9.]+)`");
    Map<String, Set<String>> map = new LinkedHashMap<>();
    for (String line : section.lines().toList()) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      assertEquals(5, cells.length, "a package row has three cells: " + line);
      Matcher own = name.matcher(cells[1]);
      assertTrue(own.find(), "no package in: " + line);
      Set<String> allowed = new LinkedHashSet<>();
      String deps = cells[3].strip();
      if (deps.equals("every package above")) {
        allowed.addAll(map.keySet());
      } else if (!deps.equals("nothing")) {
        Matcher dep = name.matcher(deps);
        while (dep.find()) {
          allowed.add(dep.group(1));
        }
        assertTrue(!allowed.isEmpty(), "no dependency named in: " + line);
      }
      map.put(own.group(1), allowed);
    }
    assertTrue(map.size() >= 10, "the package map has a row per package: " + map.keySet());
    return map;
  }
}
