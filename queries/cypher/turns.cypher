// A conversation's turns in order (the active branch): index, speaker, time, message id, text. Parameter: id.
MATCH (:Conversation {conversationId: $id})-[:HAS_TURN]->(turn)
WHERE turn.turnIndex IS NOT NULL AND turn.text IS NOT NULL AND turn.speakerName IS NOT NULL
  AND NOT (turn)-[:ALTERNATIVE_OF]->()
RETURN turn.turnIndex AS index, turn.speakerName AS speaker, turn.timestamp AS time, turn.messageId AS messageId,
  turn.text AS text
ORDER BY index
