"""Settings from initializationOptions / didChangeConfiguration: typed, defaulted, forgiving."""

from langsniff.server.settings import DEFAULT_LANGUAGE_IDS, Settings, update_settings


def test_defaults_when_the_client_sends_nothing():
    settings, problems = update_settings(Settings(), None)
    assert settings == Settings()
    assert problems == []
    assert settings.auto_detect is True
    assert settings.debounce_ms == 300
    assert settings.language_ids == DEFAULT_LANGUAGE_IDS == ("plaintext", "text", "")
    assert settings.threshold_or(0.83) == 0.83


def test_camel_case_keys_flat_or_in_the_langsniff_section():
    flat, _ = update_settings(Settings(), {"autoDetect": False, "threshold": 0.7, "debounceMs": 50})
    nested, _ = update_settings(Settings(), {"langsniff": {"autoDetect": False, "threshold": 0.7, "debounceMs": 50}})
    assert flat == nested == Settings(auto_detect=False, threshold=0.7, debounce_ms=50)
    assert flat.threshold_or(0.83) == 0.7


def test_an_update_changes_only_the_keys_it_carries_and_null_resets():
    current = Settings(auto_detect=False, threshold=0.5, max_characters=1000)
    settings, problems = update_settings(current, {"langsniff": {"threshold": None, "languageIds": ["markdown"]}})
    assert problems == []
    assert settings == Settings(auto_detect=False, threshold=None, max_characters=1000, language_ids=("markdown",))


def test_unknown_and_wrongly_typed_settings_are_reported_and_ignored():
    current = Settings(threshold=0.5)
    payload = {
        "autoDetect": "yes",
        "threshold": 1.5,
        "debounceMs": True,
        "maxCharacters": 2.5,
        "languageIds": "plaintext",
        "colour": "blue",
        "server": {"command": "langsniff-server"},
    }
    settings, problems = update_settings(current, payload)
    assert settings == current
    assert len(problems) == 6
    assert any("langsniff.colour" in problem and "unknown" in problem for problem in problems)
    assert any("langsniff.threshold=1.5" in problem for problem in problems)
    assert not any("server" in problem for problem in problems), "client-side keys are not problems"


def test_a_payload_that_is_not_an_object_is_reported():
    settings, problems = update_settings(Settings(), ["autoDetect"])
    assert settings == Settings()
    assert problems and "expected an object" in problems[0]


def test_whole_numbers_given_as_floats_are_accepted():
    settings, problems = update_settings(Settings(), {"debounceMs": 250.0, "maxCharacters": 5000})
    assert problems == []
    assert settings.debounce_ms == 250 and isinstance(settings.debounce_ms, int)
