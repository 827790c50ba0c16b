package dev.noema.extract;

import dev.noema.ontology.Noema;
import dev.noema.ontology.OntologyModel;
import dev.noema.ontology.OntologyModel.OntClass;
import dev.noema.text.ResourceLines;
import dev.noema.text.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structural extractor's word lists, all resource files beside this class (blank lines and
 * {@code #} comments ignored):
 *
 * <ul>
 *   <li>{@code lexicon.tsv}: form, tab, canonical English label (Лейбниц to Leibniz);
 *   <li>{@code acronyms.txt}: upper-case tokens that are acronyms, never module names;
 *   <li>{@code lang/languages.txt} and one {@link LanguageProfile} per language listed ({@code
 *       lang/CODE/cues.properties}, with the words of {@link dev.noema.text.LanguageWords});
 *   <li>{@code lang/names.tsv}: known names with their general type (a gazetteer);
 *   <li>{@code lang/given-names.txt}: given names, the first word of a person's name, and a person
 *       alone;
 *   <li>{@code lang/given-names-extended.txt}: more given names from generated lists, only the
 *       first word of a person's name of several words (they hold words that name things, "Omega").
 * </ul>
 *
 * Immutable and thread-safe.
 */
final class Lexicon {
  /**
   * The cue keys of class words, with the type each names, in the order they are tried (a
   * LinkedHashMap, unmodifiable).
   */
  static final Map<String, String> CLASS_WORDS;

  static {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("method-word", Noema.Method.getURI());
    kinds.put("place-word", Noema.Place.getURI());
    kinds.put("work-word", Noema.Work.getURI());
    kinds.put("event-word", Noema.Event.getURI());
    kinds.put("product-word", Noema.Product.getURI());
    CLASS_WORDS = Collections.unmodifiableMap(kinds);
  }

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  /** Letters a name may lose before an adjective's ending (Толстой, толстовский). */
  private static final Pattern FINAL_VOWEL = Pattern.compile("[aeiouyаеёиоуыэюяй]+");

  /** The shortest part of a name an adjective must start with: shorter ones match by chance. */
  private static final int MIN_NAME_STEM = 3;

  private final Map<String, String> canonical;
  private final Set<String> acronyms;
  private final Map<String, LanguageProfile> languages;
  private final Map<String, String> gazetteer;
  private final Set<String> givenNames;
  private final Set<String> firstNames;
  private final Map<String, Pattern> cues = new HashMap<>();

  /** Each language's own cue patterns, by language and key, compiled when first asked for. */
  private final Map<String, Map<String, Pattern>> ownCues = new ConcurrentHashMap<>();

  /** The endings that make an adjective of a name ("-ian", "-ский"), every language's together. */
  private final Pattern personAdjective;

  private Lexicon(
      Map<String, String> canonical,
      Set<String> acronyms,
      Map<String, LanguageProfile> languages,
      Map<String, String> gazetteer,
      Set<String> givenNames,
      Set<String> firstNames) {
    this.canonical = Map.copyOf(canonical);
    this.acronyms = Set.copyOf(acronyms);
    this.languages = languages;
    this.gazetteer = Map.copyOf(gazetteer);
    this.givenNames = Set.copyOf(givenNames);
    this.firstNames = Set.copyOf(firstNames);
    for (String key :
        List.of(
            "analogy",
            "group",
            "standard",
            "method",
            "consensus",
            "module",
            "person-before",
            "organization-before",
            "method-word",
            "view")) {
      cues.put(key, LanguageProfile.cuePattern(alternations(key), !key.equals("analogy")));
    }
    for (String key :
        List.of(
            "person-after", "organization-in", "definition", "subject-split", "not-inside-term")) {
      cues.put(key, LanguageProfile.cuePattern(alternations(key), false));
    }
    personAdjective =
        Pattern.compile("(?iu)(?:" + String.join("|", alternations("person-adjective")) + ")");
  }

  /**
   * The bundled lexicon; the gazetteer's types are the local names of meaning classes of {@code
   * ontology}.
   */
  static Lexicon bundled(OntologyModel ontology) {
    Map<String, String> canonical = new HashMap<>();
    for (String line : lines("lexicon.tsv")) {
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalStateException(
            "lexicon.tsv: expected 'form<TAB>canonical', got '" + line + "'");
      }
      canonical.put(Text.key(line.substring(0, tab)), line.substring(tab + 1).strip());
    }
    Set<String> acronyms = new HashSet<>(lines("acronyms.txt"));
    Map<String, LanguageProfile> languages = new LinkedHashMap<>();
    for (String code : lines("lang/languages.txt")) {
      languages.put(code.strip(), LanguageProfile.load(code.strip()));
    }
    Map<String, String> gazetteer = new HashMap<>();
    for (String line : lines("lang/names.tsv")) {
      String[] parts = line.split("\t");
      String type =
          parts.length != 2
              ? null
              : ontology
                  .ontClass(Noema.NS + parts[1].strip())
                  .map(OntClass::iri)
                  .filter(c -> ontology.isSubClassOf(c, Noema.MeaningEntity.getURI()))
                  .orElse(null);
      if (type == null) {
        throw new IllegalStateException(
            "lang/names.tsv: expected 'name<TAB>type', the type a meaning class of the ontology"
                + " (Person, Place, ...), got '"
                + line
                + "'");
      }
      gazetteer.put(Text.key(parts[0]), type);
    }
    Set<String> givenNames = words("lang/given-names.txt");
    Set<String> firstNames = words("lang/given-names-extended.txt");
    firstNames.addAll(givenNames);
    return new Lexicon(canonical, acronyms, languages, gazetteer, givenNames, firstNames);
  }

  /** The keys of the words of a resource, any number a line. */
  private static Set<String> words(String resource) {
    Set<String> words = new HashSet<>();
    for (String line : lines(resource)) {
      for (String word : WHITESPACE.split(line.strip())) {
        words.add(Text.key(word));
      }
    }
    return words;
  }

  /** The canonical English label of a term, or null when the lexicon does not list it. */
  String canonical(String label) {
    return canonical.get(Text.key(label));
  }

  boolean isAcronym(String token) {
    return acronyms.contains(token);
  }

  /** The IRI of the general type a gazetteer lists for {@code name}, or null. */
  String knownType(String name) {
    return gazetteer.get(Text.key(name));
  }

  /** Whether a word alone may name a person: a given name of the curated list. */
  boolean isGivenName(String word) {
    return givenNames.contains(Text.key(word));
  }

  /** Whether a word starts a person's name of several words: a given name of either list. */
  boolean startsPersonName(String word) {
    return firstNames.contains(Text.key(word));
  }

  /**
   * The cue pattern of one language alone (a whole-word key of {@code cues.properties}), never
   * matching when the language has none: for words that mean something else in another language
   * (German "Roman" is a novel, French "pays" a country, German "des" an article).
   */
  Pattern cue(String key, String language) {
    return ownCue(
        language,
        key,
        () -> {
          String cue = ownAlternation(language, key);
          return LanguageProfile.cuePattern(cue == null ? List.of() : List.of(cue), false);
        });
  }

  /** The raw cue {@code key} of one language, or null when it has none (or no resources). */
  private String ownAlternation(String language, String key) {
    LanguageProfile p = languages.get(language);
    return p == null ? null : p.cue(key);
  }

  /** One language's pattern for {@code key}, made by {@code make} when first asked for. */
  private Pattern ownCue(String language, String key, Supplier<Pattern> make) {
    return ownCues
        .computeIfAbsent(language, l -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> make.get());
  }

  /**
   * The fewest letters of a compound in {@code language}, a word its writers build of several
   * ({@code compound-length}; German), or 0 when it writes its terms as phrases.
   */
  int compoundLength(String language) {
    String length = ownAlternation(language, "compound-length");
    return length == null ? 0 : Integer.parseInt(length);
  }

  /** The cue pattern of every language together (keys as in {@code cues.properties}). */
  Pattern cue(String key) {
    Pattern p = cues.get(key);
    if (p == null) {
      throw new IllegalArgumentException("no cue " + key);
    }
    return p;
  }

  /**
   * Whether {@code word} is an adjective made from the name {@code name} ("пригожинский" from
   * Пригожин, "Darwinian" from Darwin, "kantisch" from Kant): the name, or the name without its
   * final vowels ("Толстой", "толстовский"), followed by a person-adjective ending of a language.
   * Both are folded ({@link Text#fold}).
   */
  boolean isAdjectiveOf(String word, String name) {
    if (name.length() < MIN_NAME_STEM || !word.regionMatches(0, name, 0, MIN_NAME_STEM)) {
      return false;
    }
    for (int cut = 0; cut <= 2 && name.length() - cut >= MIN_NAME_STEM; cut++) {
      if (cut > 0 && !FINAL_VOWEL.matcher(name.substring(name.length() - cut)).matches()) {
        break;
      }
      String stem = name.substring(0, name.length() - cut);
      if (word.length() > stem.length()
          && word.startsWith(stem)
          && personAdjective.matcher(word.substring(stem.length())).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The profile of a language, else the first listed (English). */
  LanguageProfile language(String code) {
    LanguageProfile p = languages.get(code);
    return p != null ? p : languages.values().iterator().next();
  }

  /**
   * The language of a text among those with resources: Cyrillic letters give the first listed
   * language written in Cyrillic (ru); otherwise the language whose function words (Lucene's
   * Snowball stop lists) occur most often among the text's words, the first listed on a tie. "und"
   * when the text has no letters or no function word of any language. Linear in the text; reads at
   * most its first 4,000 characters, plenty for a turn's language.
   */
  String detect(String text) {
    String sample = text.length() > 4000 ? text.substring(0, 4000) : text;
    int cyrillic = 0;
    int latin = 0;
    for (int i = 0; i < sample.length(); i++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(sample.charAt(i));
      if (script == Character.UnicodeScript.CYRILLIC) {
        cyrillic++;
      } else if (script == Character.UnicodeScript.LATIN) {
        latin++;
      }
    }
    if (cyrillic == 0 && latin == 0) {
      return "und";
    }
    if (cyrillic > latin) {
      return languages.containsKey("ru") ? "ru" : "und";
    }
    Map<String, Integer> hits = new HashMap<>();
    Matcher m = WORD.matcher(sample);
    while (m.find()) {
      String word = m.group().toLowerCase(Locale.ROOT);
      if (Character.UnicodeScript.of(word.charAt(0)) != Character.UnicodeScript.LATIN) {
        continue;
      }
      for (LanguageProfile p : languages.values()) {
        if (p.isFunctionWord(word)) {
          hits.merge(p.code(), 1, Integer::sum);
        }
      }
    }
    // A tie goes to the language listed first: Romance languages share many function words
    // ("la", "con", "se"), and a language added later must not take a tie from an earlier one.
    String best = "und";
    int most = 0;
    for (LanguageProfile p : languages.values()) {
      int n = hits.getOrDefault(p.code(), 0);
      if (n > most && !p.code().equals("ru")) {
        best = p.code();
        most = n;
      }
    }
    return best;
  }

  /**
   * The label of the view {@code holder} holds, composed in {@code language} by its {@code
   * view-label} cue ("Popper's view", "Sicht von Popper"); in English for a language without one.
   */
  String viewLabel(String language, String holder) {
    LanguageProfile profile = languages.get(language);
    String template = profile == null ? null : profile.cue("view-label");
    if (template == null) {
      template = languages.get("en").cue("view-label");
    }
    return template.replace("{0}", holder);
  }

  /**
   * The class word of {@code language} that starts at {@code at} in {@code text} (a method, place,
   * work, event or product word, {@code lang/CODE/cues.properties}), or null. When two kinds' words
   * start there, the first of {@link #CLASS_WORDS}.
   */
  ClassWord classWordAt(String text, int at, String language) {
    for (Map.Entry<String, String> kind : CLASS_WORDS.entrySet()) {
      Matcher m =
          cue(kind.getKey(), language)
              .matcher(text)
              .region(at, text.length())
              .useTransparentBounds(true)
              .useAnchoringBounds(false);
      if (m.lookingAt()) {
        return new ClassWord(kind.getValue(), m.end());
      }
    }
    return null;
  }

  /**
   * What may stand between a cue word and the name after it in {@code language} ("the philosopher
   * Daniel Dennett", "le chimiste, Lavoisier"): commas, white space, one of its articles.
   */
  Pattern cueToName(String language) {
    return ownCue(
        language,
        " cue-to-name",
        () -> {
          String articles = ownAlternation(language, "article");
          return Pattern.compile(
              "(?iu)[\\s,]*" + (articles == null ? "" : "(?:(?:" + articles + ")\\s+)?"));
        });
  }

  /** A participle of {@code language} in lower case ("introduced", "built", "conçu"). */
  Pattern participle(String language) {
    return ownCue(
        language,
        " participle",
        () -> {
          String participle = ownAlternation(language, "participle");
          return Pattern.compile(participle == null ? "(?!)" : "(?u)(?:" + participle + ")");
        });
  }

  /** A class word found in a text: the type it names and where it ends. */
  record ClassWord(String type, int end) {}

  private List<String> alternations(String key) {
    List<String> result = new ArrayList<>();
    for (LanguageProfile p : languages.values()) {
      String cue = p.cue(key);
      if (cue != null) {
        result.add(cue);
      }
    }
    return result;
  }

  /** The data lines of a resource beside this class ({@link ResourceLines}). */
  static List<String> lines(String resource) {
    return ResourceLines.of(Lexicon.class, resource);
  }
}
