"""Names shared with clients: custom LSP methods, the client command and setting keys.

Defined once here; the VS Code extension mirrors them in its own constants module.
"""

SERVER_NAME = "langsniff"

# Server -> client notification: a watched document's language was detected.
LANGUAGE_DETECTED = "langsniff/languageDetected"
# Client -> server requests.
CLASSIFY = "langsniff/classify"
ATTENTION = "langsniff/attention"

# The command carried by code actions; the client implements it (arguments [uri, languageId]).
SET_DOCUMENT_LANGUAGE = "langsniff.setDocumentLanguage"

# Settings: the `langsniff` section of workspace/didChangeConfiguration, or initializationOptions.
SETTINGS_SECTION = "langsniff"
AUTO_DETECT = "autoDetect"
THRESHOLD = "threshold"
DEBOUNCE_MS = "debounceMs"
MAX_CHARACTERS = "maxCharacters"
LANGUAGE_IDS = "languageIds"

UNTITLED_SCHEME = "untitled"

# The artifact's label for text that is not code (datasets.labels.PLAINTEXT; the server
# does not import datasets). Never announced as a detection, never offered as an action.
NOT_CODE = "plaintext"
