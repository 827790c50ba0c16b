package dev.noema.conversation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Expands a path the user gives into the {@link LogSource}s to read: a plain file; a folder, walked
 * recursively; or a zip archive, read entry by entry in place (never unpacked to disk). Archives
 * are recognised by their magic bytes ({@code PK\3\4}), not their name.
 *
 * <p>Folder walks are in a stable order (names sorted, files and folders together) and skip:
 *
 * <ul>
 *   <li>hidden files and folders (name starting with {@code .}, e.g. {@code .obsidian}, {@code
 *       .trash});
 *   <li>binary files (NUL bytes in their first 8 KiB in no pattern of a {@link TextEncoding}:
 *       images, PDFs, audio);
 *   <li>in Obsidian vaults of Nexus notes, what the Nexus AI Chat Importer plugin writes besides
 *       conversations: a folder named {@code Attachments} or {@code Reports} next to a folder named
 *       {@code Conversations} (the plugin's layout), and any note whose front matter has an {@code
 *       artifact_id} (a Claude artifact note) or {@code importdate} (an import report) field, or
 *       whose first heading is {@code # Nexus AI Chat Importer Report}.
 * </ul>
 *
 * <p>Archive entries are skipped when hidden (a segment starting with {@code .}, or {@code
 * __MACOSX}), binary, or directories. An entry with an absolute name or a {@code ..} segment is
 * refused with a problem (path traversal). Zip-bomb guard, enforced while streaming (declared sizes
 * can lie): reading stops with an {@link IOException} when an entry inflates to more than {@code
 * maxRatio} times its compressed size (checked once it exceeds 1 MiB), or when all reads from one
 * archive together exceed {@code maxTotalBytes}.
 *
 * <p>Unusable paths (missing, unreadable, a folder with no logs, a broken archive) become {@link
 * ImportProblem}s, never exceptions. Thread-safe; each {@link Expansion} holds its archives open
 * until closed.
 */
public final class LogSources {
  /**
   * Default cap on bytes inflated from one archive: larger than any real export seen, far below a
   * zip bomb's.
   */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 16L << 30;

  /** Default cap on an entry's inflation ratio; JSON exports compress 5 to 20 times. */
  public static final int DEFAULT_MAX_RATIO = 100;

  /** Small entries may compress very well (a file of spaces) without being bombs. */
  private static final long RATIO_GRACE_BYTES = 1 << 20;

  private static final int SNIFF_BYTES = 8 * 1024;
  private static final Pattern NEXUS_SIDE_NOTE =
      Pattern.compile("(?m)^(artifact_id|importdate):|^# Nexus AI Chat Importer Report");

  private final long maxTotalBytes;
  private final int maxRatio;

  /**
   * @param maxTotalBytes the most bytes read (inflated) from one archive, over all its entries and
   *     all opens
   * @param maxRatio the most an entry may inflate relative to its compressed size
   */
  public LogSources(long maxTotalBytes, int maxRatio) {
    if (maxTotalBytes <= 0 || maxRatio <= 0) {
      throw new IllegalArgumentException("zip limits must be positive");
    }
    this.maxTotalBytes = maxTotalBytes;
    this.maxRatio = maxRatio;
  }

  /** With {@link #DEFAULT_MAX_TOTAL_BYTES} and {@link #DEFAULT_MAX_RATIO}. */
  public static LogSources withDefaultLimits() {
    return new LogSources(DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_RATIO);
  }

  /**
   * The logs under {@code path}, with the problems met on the way. Close the expansion after
   * reading its sources: it holds the archives open.
   */
  public Expansion expand(Path path) {
    Expansion expansion = new Expansion();
    if (!Files.exists(path)) {
      expansion.problems.add(new ImportProblem(path.toString(), null, "no such file or folder"));
    } else if (Files.isDirectory(path)) {
      int before = expansion.sources.size();
      walk(path, expansion);
      if (expansion.sources.size() == before) {
        expansion.problems.add(
            new ImportProblem(path.toString(), null, "folder contains no files to import"));
      }
    } else {
      byte[] head = sniff(path, expansion);
      if (head != null && startsWithZipMagic(head)) {
        openZip(path, expansion);
      } else if (head != null) {
        expansion.sources.add(LogSource.of(path));
      }
    }
    return expansion;
  }

  private void walk(Path folder, Expansion expansion) {
    List<Path> children;
    try (Stream<Path> listing = Files.list(folder)) {
      children = listing.sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      expansion.problems.add(
          new ImportProblem(folder.toString(), null, "folder cannot be listed: " + e.getMessage()));
      return;
    }
    boolean pluginLayout =
        children.stream().anyMatch(c -> Files.isDirectory(c) && named(c, "conversations"));
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(child)) {
        if (!(pluginLayout && (named(child, "attachments") || named(child, "reports")))) {
          walk(child, expansion);
        }
        continue;
      }
      byte[] head = sniff(child, expansion);
      if (head == null) {
        continue;
      }
      if (startsWithZipMagic(head)) {
        openZip(child, expansion);
        continue;
      }
      Optional<TextEncoding> encoding = TextEncoding.of(head);
      if (encoding.isPresent()
          && !NEXUS_SIDE_NOTE
              .matcher(frontMatterAndFirstHeading(encoding.get().decodeHead(head)))
              .find()) {
        expansion.sources.add(LogSource.of(child));
      }
    }
  }

  private void openZip(Path path, Expansion expansion) {
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      expansion.problems.add(
          new ImportProblem(path.toString(), null, "unreadable zip archive: " + e.getMessage()));
      return;
    }
    expansion.archives.add(zip);
    AtomicLong inflated = new AtomicLong();
    List<? extends ZipEntry> entries = Collections.list(zip.entries());
    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
    for (ZipEntry entry : entries) {
      String name = entry.getName();
      String shown = path + "!" + name;
      if (entry.isDirectory() || isHiddenEntry(name)) {
        continue;
      }
      if (isUnsafe(name)) {
        expansion.problems.add(
            new ImportProblem(
                shown,
                null,
                "unsafe entry name (absolute or with \"..\", a path traversal); skipped"));
        continue;
      }
      LogSource source = new ZipEntrySource(zip, entry, shown, inflated);
      byte[] head;
      try (InputStream in = source.open()) {
        head = in.readNBytes(SNIFF_BYTES);
      } catch (IOException e) {
        expansion.problems.add(
            new ImportProblem(shown, null, "unreadable archive entry: " + e.getMessage()));
        continue;
      }
      if (startsWithZipMagic(head)) {
        expansion.problems.add(
            new ImportProblem(
                shown, null, "archive inside an archive is not read; unpack it first"));
      } else if (TextEncoding.of(head).isPresent()) {
        expansion.sources.add(source);
      }
    }
  }

  private static boolean isHiddenEntry(String name) {
    return Arrays.stream(name.split("/"))
        .anyMatch(s -> s.startsWith(".") && !s.equals("..") || s.equals("__MACOSX"));
  }

  /**
   * Absolute (Unix, Windows drive or UNC) names and any {@code ..} segment could escape wherever
   * the entry goes.
   */
  static boolean isUnsafe(String name) {
    String normalised = name.replace('\\', '/');
    return normalised.startsWith("/")
        || normalised.matches("^[A-Za-z]:.*")
        || Arrays.asList(normalised.split("/")).contains("..");
  }

  private static boolean named(Path path, String lowerName) {
    return path.getFileName().toString().toLowerCase(Locale.ROOT).equals(lowerName);
  }

  private static byte[] sniff(Path file, Expansion expansion) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      expansion.problems.add(
          new ImportProblem(file.toString(), null, "file is not readable: " + e.getMessage()));
      return null;
    }
  }

  private static boolean startsWithZipMagic(byte[] head) {
    return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
  }

  /**
   * The front matter block and the first heading of a note's head: where the plugin marks its side
   * notes.
   */
  private static String frontMatterAndFirstHeading(String text) {
    if (!text.startsWith("---")) {
      int heading = text.indexOf("\n# ");
      String firstLine =
          text.startsWith("# ") ? text : heading < 0 ? "" : text.substring(heading + 1);
      int end = firstLine.indexOf('\n');
      return end < 0 ? firstLine : firstLine.substring(0, end);
    }
    int end = text.indexOf("\n---", 3);
    String frontMatter = end < 0 ? text : text.substring(0, end);
    int heading = text.indexOf("\n# ", end < 0 ? 0 : end);
    if (heading < 0) {
      return frontMatter;
    }
    int lineEnd = text.indexOf('\n', heading + 1);
    return frontMatter + "\n" + text.substring(heading + 1, lineEnd < 0 ? text.length() : lineEnd);
  }

  /**
   * The sources and problems of one {@link #expand}; closing it closes the archives the sources
   * read from.
   */
  public static final class Expansion implements AutoCloseable {
    private final List<LogSource> sources = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<ZipFile> archives = new ArrayList<>();

    private Expansion() {}

    /** The logs in walk order: sorted names, depth first; archive entries sorted by name. */
    public List<LogSource> sources() {
      return Collections.unmodifiableList(sources);
    }

    /** What could not be used, one problem per path or entry, in walk order. */
    public List<ImportProblem> problems() {
      return Collections.unmodifiableList(problems);
    }

    @Override
    public void close() throws IOException {
      IOException first = null;
      for (ZipFile archive : archives) {
        try {
          archive.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  /** One entry of an open archive, read through the zip-bomb guard. */
  private final class ZipEntrySource implements LogSource {
    private final ZipFile zip;
    private final ZipEntry entry;
    private final String name;
    private final AtomicLong inflated;

    ZipEntrySource(ZipFile zip, ZipEntry entry, String name, AtomicLong inflated) {
      this.zip = zip;
      this.entry = entry;
      this.name = name;
      this.inflated = inflated;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public InputStream open() throws IOException {
      try {
        return new GuardedStream(zip.getInputStream(entry), this);
      } catch (IllegalStateException closed) {
        throw new IOException(name + ": archive already closed", closed);
      } catch (ZipException e) {
        throw new IOException(name + ": " + e.getMessage(), e);
      }
    }

    @Override
    public long size() {
      return entry.getSize();
    }
  }

  /** Counts inflated bytes as they are read and stops at the limits. */
  private final class GuardedStream extends FilterInputStream {
    private final ZipEntrySource source;
    private final long compressed;
    private long read;

    GuardedStream(InputStream in, ZipEntrySource source) {
      super(in);
      this.source = source;
      this.compressed = Math.max(1, source.entry.getCompressedSize());
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) throws IOException {
      read += n;
      if (read > RATIO_GRACE_BYTES && read > compressed * maxRatio) {
        throw new IOException(
            source.name
                + ": entry inflates to more than "
                + maxRatio
                + " times its compressed size (zip-bomb guard); not read further");
      }
      if (source.inflated.addAndGet(n) > maxTotalBytes) {
        throw new IOException(
            source.name
                + ": archive inflates to more than "
                + maxTotalBytes
                + " bytes in total (zip-bomb guard); not read further");
      }
    }
  }
}
