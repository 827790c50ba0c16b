package dev.noema.prompt;

import dev.noema.conversation.Role;
import dev.noema.identity.EntityIris;
import dev.noema.store.GraphStore;
import org.apache.jena.graph.Node;

/**
 * A miniature of the sample dialogue: Kirill's and the industry's views of attention, the cognitive
 * modules of a module consensus, emergence, architecture of meaning, and the Feynman analogy.
 */
final class SampleGraph {
  static final String CONVERSATION = "sample-architecture";
  static final String TITLE = "Архитектура смысла";
  static final String KIRILL_ON_ATTENTION =
      "определяем модуль внимания как оператор гравитации смысла";
  static final String KIRILL_QUOTE = "Мы определяем модуль внимания как оператор гравитации смысла";
  static final Node KIRILL_INTERPRETATION = EntityIris.of("Kirill's perspective on attention");

  private SampleGraph() {}

  static MeaningGraphBuilder builder() {
    MeaningGraphBuilder b =
        new MeaningGraphBuilder(CONVERSATION, TITLE)
            .turn(
                Role.USER,
                "Kirill",
                "2025-03-01T10:00:00Z",
                "m-0",
                "Мы определяем модуль внимания как оператор гравитации смысла: внимание стягивает смысл к центрам.")
            .turn(
                Role.ASSISTANT,
                "ChatGPT",
                "2025-03-01T10:00:30Z",
                "m-1",
                "В индустрии внимание понимают как механизм взвешивания токенов по их релевантности.")
            .turn(
                Role.USER,
                "Kirill",
                "2025-03-01T10:02:00Z",
                "m-2",
                "RECURSIA, OBSTRUCTIO и INSIGHT образуют консенсус модулей.")
            .turn(
                Role.ASSISTANT,
                "ChatGPT",
                "2025-03-01T10:03:00Z",
                "m-3",
                "Эмерджентность возникает из топологии поля смысла; архитектура — это структура потока смысла.")
            .turn(
                Role.USER,
                "Kirill",
                "2025-03-01T10:05:00Z",
                "m-4",
                "Я понимаю сети так, как Фейнман понимал электроны: строя аналогичную структуру мышления.");
    Node attention = b.entity(0, "Concept", "attention", "attention@en", "Внимание@ru");
    b.alias(0, attention, "attention mechanism@en")
        .alias(0, attention, "механизм внимания@ru")
        .definition(1, attention, "the mechanism that weighs tokens by relevance@en");
    Node meaning = b.entity(0, "Concept", "meaning", "meaning@en", "смысл@ru");
    Node kirill = b.entity(0, "Person", "Kirill", "Kirill@en", "Кирилл@ru");
    Node kirillView =
        b.entity(
            0,
            "Perspective",
            "Kirill's perspective",
            "Kirill's perspective@en",
            "Перспектива Кирилла@ru");
    Node industryView =
        b.entity(
            1,
            "Perspective",
            "Industry perspective",
            "Industry perspective@en",
            "Перспектива индустрии@ru");
    Node industry = b.entity(1, "Organization", "the industry", "the industry@en", "индустрия@ru");
    b.fact(0, kirill, "holdsPerspective", kirillView, 0.9, "Мы определяем");
    b.fact(1, industry, "holdsPerspective", industryView, 0.9, "В индустрии внимание понимают");
    b.fact(0, attention, "operatesOn", meaning, 0.8, "внимание стягивает смысл к центрам");
    b.interpretation(
        0,
        "Kirill's perspective on attention",
        attention,
        kirillView,
        KIRILL_ON_ATTENTION + "@ru",
        KIRILL_QUOTE);
    b.interpretation(
        1,
        "Industry perspective on attention",
        attention,
        industryView,
        "механизм взвешивания токенов по их релевантности@ru",
        "внимание понимают как механизм взвешивания токенов по их релевантности");
    Node consensus =
        b.entity(
            2,
            "ModuleConsensus",
            "module consensus",
            "module consensus@en",
            "консенсус модулей@ru");
    for (String module : new String[] {"RECURSIA", "OBSTRUCTIO", "INSIGHT"}) {
      Node m = b.entity(2, "CognitiveModule", module, module + "@en");
      b.fact(
          2,
          m,
          "partOf",
          consensus,
          0.95,
          "RECURSIA, OBSTRUCTIO и INSIGHT образуют консенсус модулей");
    }
    Node emergence = b.entity(3, "Concept", "emergence", "emergence@en", "эмерджентность@ru");
    Node topology =
        b.entity(
            3,
            "Concept",
            "topology of the meaning field",
            "topology of the meaning field@en",
            "топология поля смысла@ru");
    b.fact(
        3,
        topology,
        "causes",
        emergence,
        0.85,
        "Эмерджентность возникает из топологии поля смысла");
    Node architecture =
        b.entity(
            3,
            "Concept",
            "architecture of meaning",
            "architecture of meaning@en",
            "архитектура смысла@ru");
    b.interpretation(
        3,
        "Kirill's perspective on architecture of meaning",
        architecture,
        kirillView,
        "архитектура — это структура потока смысла@ru",
        "архитектура — это структура потока смысла");
    b.fact(3, architecture, "relatedTo", meaning, 0.6, "структура потока смысла");
    Node analogy =
        b.entity(
            4,
            "Analogy",
            "understanding networks like Feynman understood electrons",
            "understanding networks like Feynman understood electrons@en",
            "понимать сети, как Фейнман понимал электроны@ru");
    Node feynman = b.entity(4, "Person", "Feynman", "Feynman@en", "Фейнман@ru");
    b.fact(4, analogy, "mentionsPerson", feynman, 0.9, "как Фейнман понимал электроны");
    return b;
  }

  static void writeTo(GraphStore store) {
    builder().writeTo(store);
  }
}
