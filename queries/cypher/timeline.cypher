// Activity over time: turns per day, by role.
MATCH (turn)-[:SPOKEN_BY]->(p)
WHERE turn.timestamp IS NOT NULL AND p.participantRole IS NOT NULL
RETURN substring(toString(turn.timestamp), 0, 10) AS day, p.participantRole AS role, count(turn) AS turns
ORDER BY day, role
