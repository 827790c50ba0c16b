// Who said what: per participant (role, model), the number of turns and characters written.
MATCH (turn)-[:SPOKEN_BY]->(p)
WHERE turn.text IS NOT NULL AND p.participantRole IS NOT NULL AND p.label IS NOT NULL
RETURN p.label AS participant, p.participantRole AS role, p.modelName AS model,
  count(turn) AS turns, sum(size(turn.text)) AS characters
ORDER BY turns DESC
