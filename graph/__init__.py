"""The LangGraph state graph behind the chat: state, intents, router, providers, nodes."""
