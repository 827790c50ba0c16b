// Cognitive modules, the consensus (or other whole) they are part of, and the turns that mention them.
MATCH (m:CognitiveModule)
WHERE m.label IS NOT NULL
OPTIONAL MATCH (m)-[:PART_OF]->(whole)
OPTIONAL MATCH (m)-[:MENTIONED_IN_TURN]->(turn)
RETURN m.label AS module, whole.label AS partOf, count(DISTINCT turn) AS turns
ORDER BY module
