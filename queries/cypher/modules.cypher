// Cognitive modules, the consensus (or other whole) they are part of, and the turns that mention them.
MATCH (m:CognitiveModule)
UNWIND m.allLabels AS module
OPTIONAL MATCH (m)-[:PART_OF]->(whole)
WHERE whole.allLabels IS NOT NULL
UNWIND coalesce(whole.allLabels, [null]) AS partOf
OPTIONAL MATCH (m)-[:MENTIONED_IN_TURN]->(turn)
RETURN module, partOf, count(DISTINCT turn) AS turns
ORDER BY module
