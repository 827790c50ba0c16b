package dev.noema.cli;

import dev.noema.identity.Decision;
import dev.noema.identity.EntityName;
import dev.noema.identity.IdentityListing;
import dev.noema.identity.IdentityReview;
import dev.noema.identity.MergeResult;
import dev.noema.identity.SplitResult;
import dev.noema.kb.KnowledgeBase;
import dev.noema.ontology.Iris;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code noema resolve}: what identity decided, the review queue, and the user's decisions. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Show and change which mentions are one entity.",
      "Without options, or with --list: the merges with their evidence and score, your decisions,"
          + " and the pairs still suspected to be duplicates (waiting for review)."
    })
final class ResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin KnowledgeBaseOptions kb;

  @ArgGroup(exclusive = true)
  Action action = new Action();

  static final class Action {
    @Option(
        names = "--list",
        description = "List merges, your decisions and the pairs waiting for review (default).")
    boolean list;

    @Option(
        names = "--review",
        description =
            "The review queue: pairs that may be one entity. On a terminal, asks about each"
                + " ([a]ccept, [r]eject, [s]kip, [q]uit); otherwise lists them.")
    boolean review;

    @Option(
        names = "--split",
        paramLabel = "X",
        description =
            "Undo a merge: X is a merge's id (from --list) or an entity (IRI or name), whose every"
                + " merge is undone. The names it brought get their own entity again.")
    String split;

    @Option(
        names = "--accept",
        paramLabel = "ID",
        description = "Accept a pending pair: the two are one entity.")
    String accept;

    @Option(
        names = "--reject",
        paramLabel = "ID",
        description = "Reject a pending pair: the two stay two and are not suggested again.")
    String reject;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KnowledgeBase base = kb.open()) {
      IdentityReview identity = base.identity();
      boolean changed;
      if (action.split != null) {
        print(identity.split(action.split), out);
        changed = true;
      } else if (action.accept != null) {
        print(identity.accept(action.accept), out);
        changed = true;
      } else if (action.reject != null) {
        Decision d = identity.reject(action.reject);
        out.printf("kept apart: %s and %s (%s)%n", d.entity().getURI(), d.other().getURI(), d.id());
        changed = true;
      } else if (action.review) {
        changed = review(identity, out);
      } else {
        list(identity.list(), out);
        changed = false;
      }
      out.flush();
      boolean synced = !changed || ImportCommand.sync(base, kb.neo4jThroughServer(), out, err);
      return synced ? 0 : 1;
    }
  }

  /** The queue, one pair at a time on a terminal; else listed. Whether anything was decided. */
  private boolean review(IdentityReview identity, PrintWriter out) {
    IdentityListing listing = identity.list();
    Console console = System.console();
    if (console == null || listing.pending().isEmpty()) {
      pending(listing, out);
      if (!listing.pending().isEmpty()) {
        out.println(
            "decide with: noema resolve --accept ID (one entity) or --reject ID (two entities)");
      }
      return false;
    }
    boolean changed = false;
    for (Decision d : listing.pending()) {
      out.printf(
          "%s  %s  maybe the same as  %s  (%s %.2f)%n",
          d.id(), listing.name(d.entity()), listing.name(d.other()), d.evidence().id(), d.score());
      out.flush();
      String answer = console.readLine("[a]ccept, [r]eject, [s]kip, [q]uit? ");
      String a = answer == null ? "q" : answer.strip().toLowerCase(Locale.ROOT);
      if (a.startsWith("q")) {
        break;
      } else if (a.startsWith("a")) {
        print(identity.accept(d.id()), out);
        changed = true;
      } else if (a.startsWith("r")) {
        identity.reject(d.id());
        out.println("kept apart");
        changed = true;
      }
    }
    return changed;
  }

  private static void list(IdentityListing listing, PrintWriter out) {
    out.printf(
        "identity: %d entities; %d merges; %d pair(s) still suspected to be duplicates"
            + " (waiting for review); %d decision(s) of yours%n",
        listing.entities(),
        listing.merges().size(),
        listing.pending().size(),
        listing.byUser().size());
    if (!listing.merges().isEmpty()) {
      out.println();
      out.println(
          "merges (a mention resolved to an existing entity and gave it a new name or type):");
      List<List<String>> rows = new ArrayList<>();
      rows.add(
          List.of("id", "entity", "mention", "evidence", "score", "added", "extractor", "turn"));
      for (Decision d : listing.merges()) {
        rows.add(
            List.of(
                d.id(),
                listing.name(d.entity()),
                name(d.mention()),
                d.evidence().id(),
                String.format(Locale.ROOT, "%.2f", d.score()),
                d.added().stream().map(ResolveCommand::name).collect(Collectors.joining(", ")),
                d.extractor() == null ? "" : d.extractor(),
                turn(d)));
      }
      table(rows, out);
    }
    pending(listing, out);
    if (!listing.byUser().isEmpty()) {
      out.println();
      out.println("your decisions:");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("id", "verdict", "entity", "other", "mention", "when"));
      for (Decision d : listing.byUser()) {
        rows.add(
            List.of(
                d.id(),
                d.verdict().id(),
                listing.name(d.entity()),
                listing.name(d.other()),
                name(d.mention()),
                d.time().toString()));
      }
      table(rows, out);
    }
  }

  private static void pending(IdentityListing listing, PrintWriter out) {
    if (listing.pending().isEmpty()) {
      out.println("no pair waits for review");
      return;
    }
    out.println();
    out.println("waiting for review (noema resolve --review):");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("id", "entity", "maybe the same as", "evidence", "score", "mention", "turn"));
    for (Decision d : listing.pending()) {
      rows.add(
          List.of(
              d.id(),
              listing.name(d.entity()),
              listing.name(d.other()),
              d.evidence().id(),
              String.format(Locale.ROOT, "%.2f", d.score()),
              name(d.mention()),
              turn(d)));
    }
    table(rows, out);
  }

  private static void print(SplitResult result, PrintWriter out) {
    for (SplitResult.Split s : result.splits()) {
      out.printf(
          "split: %s now names %s (was %s); %d extraction graph(s) rewritten%n",
          s.names().stream().map(ResolveCommand::name).collect(Collectors.joining(", ")),
          s.to(),
          s.from(),
          s.graphsRewritten());
    }
  }

  private static void print(MergeResult result, PrintWriter out) {
    out.printf(
        "merged: %s into %s; %d graph(s) rewritten%n",
        result.merged(), result.kept(), result.graphsRewritten());
  }

  private static String name(EntityName name) {
    return name == null ? "" : name.text() + " (" + name.language() + ")";
  }

  /** "conversation#turn" for a decision about a mention in a turn; "" otherwise. */
  private static String turn(Decision d) {
    if (d.used() == null) {
      return "";
    }
    return Iris.conversationOfTurn(d.used())
        .map(
            c ->
                URLDecoder.decode(Iris.localName(c.getURI()), StandardCharsets.UTF_8)
                    + "#"
                    + Iris.localName(d.used().getURI()))
        .orElse("");
  }

  /** Rows as columns padded to their widest cell, the first row a header. */
  private static void table(List<List<String>> rows, PrintWriter out) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), widths[i] + 2));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
