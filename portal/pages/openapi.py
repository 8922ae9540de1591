"""The OpenAPI 3.1 description of the content API, served at /api/openapi.json.

One Python dict, so the tests validate both this document and every response against it.
"""

_DATE = {"type": "string", "format": "date"}
_PATH = {"type": "string", "pattern": "^/", "description": "Path on this site."}
_TEXT = {"type": "string", "minLength": 1}


def _json(schema_name: str, description: str) -> dict:
    return {
        "description": description,
        "headers": {
            "Cache-Control": {"schema": {"type": "string"}},
            "ETag": {"schema": {"type": "string"}},
        },
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


_NOT_FOUND = {
    "description": "No such address or page.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}

_NOT_MODIFIED = {"description": "The client's copy (If-None-Match) is still current."}


def _list_of(item: str) -> dict:
    return {
        "type": "object",
        "required": ["results"],
        "additionalProperties": False,
        "properties": {
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}}
        },
    }


_TOPIC_SUMMARY_PROPERTIES = {
    "title": _TEXT,
    "url": _PATH,
    "section": {"type": "string", "pattern": "^[a-z0-9-]+$"},
    "summary": {"type": "string"},
    "updated": _DATE,
    "next_review": _DATE,
    "clinical_signoff": {
        "description": "A clinical reviewer's check of the text as it is now (a role, never a "
        "name), or null while the page has not been checked by a clinician.",
        "oneOf": [
            {"type": "null"},
            {
                "type": "object",
                "required": ["role", "date"],
                "additionalProperties": False,
                "properties": {"role": _TEXT, "date": _DATE},
            },
        ],
    },
}

OPENAPI: dict = {
    "openapi": "3.1.0",
    "info": {
        "title": "Secondary breast cancer information: content API",
        "version": "1.0.0",
        "summary": "Read-only JSON of the portal's pages, glossary, medicines and search.",
        "description": (
            "Every response is public, cacheable (Cache-Control, ETag) and UTF-8 JSON. "
            "Addresses in responses are paths on this site. The content is information, "
            "not medical advice."
        ),
    },
    "servers": [{"url": "/"}],
    "paths": {
        "/api/topics/": {
            "get": {
                "operationId": "listTopics",
                "summary": "Every topic page, in site order",
                "responses": {
                    "200": _json("TopicList", "One entry per topic."),
                    "304": _NOT_MODIFIED,
                },
            }
        },
        "/api/topics/{section}/{topic}/": {
            "get": {
                "operationId": "getTopic",
                "summary": "One topic page with its HTML body and headings",
                "parameters": [
                    {
                        "name": "section",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "topic", "in": "path", "required": True, "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": _json("Topic", "The topic."),
                    "304": _NOT_MODIFIED,
                    "404": _NOT_FOUND,
                },
            }
        },
        "/api/glossary/": {
            "get": {
                "operationId": "listGlossary",
                "summary": "Every glossary word with its plain definition, A to Z",
                "responses": {
                    "200": _json("GlossaryList", "The glossary."),
                    "304": _NOT_MODIFIED,
                },
            }
        },
        "/api/medicines/": {
            "get": {
                "operationId": "listMedicines",
                "summary": "Every medicine the site names, A to Z",
                "responses": {
                    "200": _json("MedicineList", "The medicines."),
                    "304": _NOT_MODIFIED,
                },
            }
        },
        "/api/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This document",
                "responses": {
                    "200": {
                        "description": "The OpenAPI 3.1 description of the API.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["openapi", "info", "paths"],
                                }
                            }
                        },
                    },
                    "304": _NOT_MODIFIED,
                },
            }
        },
        "/api/search/": {
            "get": {
                "operationId": "search",
                "summary": "Search the pages, best result first",
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "required": False,
                        "description": "What to search for.",
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "Results for the query.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/SearchResults"}
                            }
                        },
                    },
                    "304": _NOT_MODIFIED,
                },
            }
        },
    },
    "components": {
        "schemas": {
            "TopicSummary": {
                "type": "object",
                "required": list(_TOPIC_SUMMARY_PROPERTIES),
                "additionalProperties": False,
                "properties": _TOPIC_SUMMARY_PROPERTIES,
            },
            "TopicList": _list_of("TopicSummary"),
            "Heading": {
                "type": "object",
                "required": ["level", "id", "text"],
                "additionalProperties": False,
                "properties": {
                    "level": {"type": "integer", "minimum": 2, "maximum": 6},
                    "id": _TEXT,
                    "text": {"type": "string"},
                },
            },
            "Topic": {
                "type": "object",
                "required": [*_TOPIC_SUMMARY_PROPERTIES, "html", "sources", "changes", "headings"],
                "additionalProperties": False,
                "properties": {
                    **_TOPIC_SUMMARY_PROPERTIES,
                    "html": {
                        "type": "string",
                        "description": "The sanitised body as HTML; links are paths on this site.",
                    },
                    "sources": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["title", "publisher", "year"],
                            "additionalProperties": False,
                            "properties": {
                                "title": _TEXT,
                                "publisher": _TEXT,
                                "year": {"type": "integer"},
                                "ref": _TEXT,
                                "url": {"type": "string", "pattern": "^https://"},
                            },
                        },
                    },
                    "changes": {
                        "type": "array",
                        "description": "What changed for readers, newest first.",
                        "items": {
                            "type": "object",
                            "required": ["date", "note"],
                            "additionalProperties": False,
                            "properties": {"date": _DATE, "note": _TEXT},
                        },
                    },
                    "headings": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Heading"},
                    },
                },
            },
            "GlossaryEntry": {
                "type": "object",
                "required": ["term", "definition", "other_forms", "url", "topic"],
                "additionalProperties": False,
                "properties": {
                    "term": _TEXT,
                    "definition": _TEXT,
                    "other_forms": {"type": "array", "items": _TEXT},
                    "url": {**_PATH, "description": "The entry on the glossary page."},
                    "topic": {
                        "oneOf": [_PATH, {"type": "null"}],
                        "description": "The page that explains it more, if there is one.",
                    },
                },
            },
            "GlossaryList": _list_of("GlossaryEntry"),
            "PageLink": {
                "type": "object",
                "required": ["title", "url"],
                "additionalProperties": False,
                "properties": {"title": _TEXT, "url": _PATH},
            },
            "Medicine": {
                "type": "object",
                "required": ["name", "brands", "group", "used_for", "url", "mentioned_in"],
                "additionalProperties": False,
                "properties": {
                    "name": _TEXT,
                    "brands": {"type": "array", "items": _TEXT, "description": "UK brand names."},
                    "group": _TEXT,
                    "used_for": _TEXT,
                    "url": {**_PATH, "description": "The medicine on the medicines page."},
                    "mentioned_in": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/PageLink"},
                        "description": "Topics that name it, its main page first.",
                    },
                },
            },
            "MedicineList": _list_of("Medicine"),
            "SearchResult": {
                "type": "object",
                "required": ["title", "url", "section", "snippet"],
                "properties": {
                    "title": _TEXT,
                    "url": _PATH,
                    "section": {"type": "string"},
                    "snippet": {"type": "string"},
                },
            },
            "SearchResults": {
                "type": "object",
                "required": ["query", "suggestion", "confident", "results"],
                "properties": {
                    "query": {"type": "string"},
                    "suggestion": {"type": ["string", "null"]},
                    "confident": {
                        "type": "boolean",
                        "description": (
                            "True when the first result really answers the query. False when "
                            "the site has no page about it: the results are then only the "
                            "closest pages, matched on some of the words, or there are none."
                        ),
                    },
                    "results": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/SearchResult"},
                        "description": "Best result first.",
                    },
                },
            },
            "Error": {
                "type": "object",
                "required": ["error", "message"],
                "additionalProperties": False,
                "properties": {"error": _TEXT, "message": _TEXT},
            },
        }
    },
}
