"""Print the output contract's JSON Schema (``make schema`` writes it to schema/article.schema.json)."""

from __future__ import annotations

import json

from saidwhat.models import article_json_schema


def schema_text() -> str:
    return json.dumps(article_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
