// Participants: humans and AI assistants (with their models) and the conversations they took part in.
MATCH (turn)-[:SPOKEN_BY]->(p), (turn)-[:IN_CONVERSATION]->(conversation)
WHERE p.label IS NOT NULL AND (p:HumanParticipant OR p:AIAssistant OR p:SystemParticipant)
RETURN p.label AS participant,
  [l IN labels(p) WHERE l IN ['HumanParticipant', 'AIAssistant', 'SystemParticipant']][0] AS type,
  p.modelName AS model, count(DISTINCT conversation) AS conversations
ORDER BY conversations DESC
