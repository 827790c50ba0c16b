package dev.noema.cli;

import dev.noema.kb.KnowledgeBase;
import dev.noema.ontology.OntologyModel;
import dev.noema.topology.JsonRenderer;
import dev.noema.topology.TableRenderer;
import dev.noema.topology.Topology;
import dev.noema.topology.TopologyFilter;
import dev.noema.topology.TopologyResult;
import dev.noema.topology.TopologySettings;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code noema explore ...}: the shape of the meaning graph. Each subcommand is one analysis of
 * {@link Topology}.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description =
        "Explore the topology of meaning: centres, clusters, bridges, paths, neighbourhoods, perspectives, "
            + "flow and shape.",
    subcommands = {
      ExploreCommand.Centres.class, ExploreCommand.Clusters.class, ExploreCommand.Bridges.class,
      ExploreCommand.Path.class, ExploreCommand.Around.class, ExploreCommand.Perspectives.class,
      ExploreCommand.Flow.class, ExploreCommand.Shape.class
    })
final class ExploreCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Filters and output options shared by every analysis. */
  static final class Options {
    @Option(names = "--conversation", paramLabel = "ID", description = "Only this conversation.")
    String conversation;

    @Option(
        names = "--participant",
        paramLabel = "NAME",
        description = "Only turns by this participant (label or role).")
    String participant;

    @Option(
        names = "--perspective",
        paramLabel = "LABEL",
        description = "Only what this perspective says.")
    String perspective;

    @Option(
        names = "--since",
        paramLabel = "DATE",
        description = "Only turns at or after (2025-07-26 or ISO instant).")
    String since;

    @Option(
        names = "--until",
        paramLabel = "DATE",
        description = "Only turns at or before (2025-07-26 or ISO instant).")
    String until;

    @Option(
        names = "--relations",
        split = ",",
        paramLabel = "NAME",
        description = "Only these relations (ontology local names, e.g. relatedTo,partOf).")
    List<String> relations = List.of();

    @Option(
        names = "--format",
        defaultValue = "table",
        paramLabel = "table|json",
        description = "Output format. Default: ${DEFAULT-VALUE}.")
    String format;

    TopologyFilter filter(OntologyModel ontology) {
      Set<String> iris = new LinkedHashSet<>();
      for (String name : relations) {
        String iri =
            ontology.properties().stream()
                .filter(p -> p.localName().equals(name) || p.iri().equals(name))
                .map(OntologyModel.OntProperty::iri)
                .findFirst()
                .orElseThrow(
                    () ->
                        new CommandFailure(
                            "--relations: '" + name + "' is not a property of the ontology"));
        iris.add(iri);
      }
      return new TopologyFilter(
          conversation,
          participant,
          perspective,
          instant(since, "--since", false),
          instant(until, "--until", true),
          iris);
    }

    private static Instant instant(String value, String option, boolean endOfDay) {
      if (value == null) {
        return null;
      }
      try {
        return value.length() == 10
            ? LocalDate.parse(value)
                .atStartOfDay(ZoneOffset.UTC)
                .plusDays(endOfDay ? 1 : 0)
                .minusNanos(endOfDay ? 1 : 0)
                .toInstant()
            : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandFailure(
            option + ": '" + value + "' is not a date (2025-07-26) or an ISO instant");
      }
    }

    String render(TopologyResult result) {
      return switch (format) {
        case "json" -> new JsonRenderer().render(result);
        case "table" -> new TableRenderer().render(result);
        default -> throw new CommandFailure("--format: '" + format + "' is not table or json");
      };
    }
  }

  /** Runs one analysis: opens the knowledge base, loads the filtered graph, prints the result. */
  abstract static class Analysis implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin KnowledgeBaseOptions kb;
    @Mixin Options options;

    /** Whether the measures computed are written back to the derived graph. */
    boolean savesMeasures() {
      return false;
    }

    TopologySettings settings() {
      return TopologySettings.DEFAULT;
    }

    abstract TopologyResult analyse(Topology topology, KnowledgeBase base);

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (KnowledgeBase base = kb.open()) {
        TopologyFilter filter = options.filter(base.ontology());
        Topology topology = base.topology(filter, settings());
        out.println(options.render(analyse(topology, base)));
        if (savesMeasures() && !topology.graph().entities().isEmpty()) {
          base.saveMeasures(topology, filter);
        }
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "centres",
      aliases = "centers",
      mixinStandardHelpOptions = true,
      description = "Concepts ranked by PageRank, betweenness and degree, side by side.")
  static final class Centres extends Analysis {
    @Override
    boolean savesMeasures() {
      return true;
    }

    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.centres().ideas();
    }
  }

  @Command(
      name = "clusters",
      mixinStandardHelpOptions = true,
      description = "Communities by the Leiden algorithm, with modularity, sizes and names.")
  static final class Clusters extends Analysis {
    @Option(
        names = "--resolution",
        defaultValue = "1.0",
        description = "Leiden resolution (default ${DEFAULT-VALUE}).")
    double resolution;

    @Override
    TopologySettings settings() {
      return TopologySettings.DEFAULT.withResolution(resolution);
    }

    @Override
    boolean savesMeasures() {
      return true;
    }

    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.clusters();
    }
  }

  @Command(
      name = "bridges",
      mixinStandardHelpOptions = true,
      description =
          "Articulation points and bridge edges: the ideas whose removal splits meaning apart.")
  static final class Bridges extends Analysis {
    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.bridges();
    }
  }

  @Command(
      name = "path",
      mixinStandardHelpOptions = true,
      description = "The shortest path and the k next-shortest simple paths between two concepts.")
  static final class Path extends Analysis {
    @Parameters(
        index = "0",
        paramLabel = "FROM",
        description = "A concept: label in any language, or IRI.")
    String from;

    @Parameters(
        index = "1",
        paramLabel = "TO",
        description = "A concept: label in any language, or IRI.")
    String to;

    @Option(
        names = "-k",
        defaultValue = "2",
        description = "Next-shortest paths to add (default ${DEFAULT-VALUE}).")
    int k;

    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.path(from, to, k);
    }
  }

  @Command(
      name = "around",
      mixinStandardHelpOptions = true,
      description = "A concept's neighbourhood.")
  static final class Around extends Analysis {
    @Parameters(paramLabel = "CONCEPT", description = "A concept: label in any language, or IRI.")
    String concept;

    @Option(
        names = "--hops",
        defaultValue = "1",
        description = "How far (default ${DEFAULT-VALUE}).")
    int hops;

    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.around(concept, hops);
    }
  }

  @Command(
      name = "perspectives",
      mixinStandardHelpOptions = true,
      description =
          "How each perspective interprets a concept, side by side, with the holder and the turn.")
  static final class Perspectives extends Analysis {
    @Parameters(paramLabel = "CONCEPT", description = "A concept: label in any language, or IRI.")
    String concept;

    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.perspectives(concept);
    }
  }

  @Command(
      name = "flow",
      mixinStandardHelpOptions = true,
      description =
          "Turn by turn: concepts introduced and revisited, components, density and cycle rank so far.")
  static final class Flow extends Analysis {
    @Parameters(paramLabel = "CONVERSATION", description = "The conversation id.")
    String conversation;

    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.flow(conversation);
    }
  }

  @Command(
      name = "shape",
      mixinStandardHelpOptions = true,
      description =
          "A global summary: size, components, cycle rank, diameter, clustering, k-cores, centres, clusters.")
  static final class Shape extends Analysis {
    @Override
    boolean savesMeasures() {
      return true;
    }

    @Override
    TopologyResult analyse(Topology topology, KnowledgeBase base) {
      return topology.shape();
    }
  }
}
