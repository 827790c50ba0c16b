// Source files: path, format and the conversations read from each.
MATCH (conversation)-[:IMPORTED_FROM]->(s)
WHERE s.path IS NOT NULL AND s.sourceFormat IS NOT NULL
RETURN s.path AS path, s.sourceFormat AS format, count(conversation) AS conversations
ORDER BY path
