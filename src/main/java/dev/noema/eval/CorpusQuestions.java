package dev.noema.eval;

import dev.noema.prompt.EvalQuestion;
import java.util.List;

/**
 * The retrieval questions of a corpus's gold files, each expecting the context to cite the stored
 * turn that answers it.
 *
 * @param questions in gold-file order, then question order
 * @param problems gold conversations not found in the knowledge base, and questions whose turn it
 *     does not hold, one line each; their questions are left out
 */
public record CorpusQuestions(List<EvalQuestion> questions, List<String> problems) {
  public CorpusQuestions {
    questions = List.copyOf(questions);
    problems = List.copyOf(problems);
  }
}
