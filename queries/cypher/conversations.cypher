// Conversations: id, title, provider, format, number of turns, first and last turn time.
MATCH (c:Conversation)-[:IMPORTED_FROM]->(source)
WHERE c.conversationId IS NOT NULL AND source.sourceFormat IS NOT NULL
OPTIONAL MATCH (c)-[:HAS_TURN]->(turn)
RETURN c.conversationId AS id, c.title AS title, c.provider AS provider, source.sourceFormat AS format,
  count(turn) AS turns, min(turn.timestamp) AS first, max(turn.timestamp) AS last
ORDER BY first, id
