# Tally: the HTTP service. Build: docker build -t tally .   Run: docker run -p 8000:8000 tally
# Configure with TALLY_* environment variables (see README.md), e.g. TALLY_DATABASE_URL for PostgreSQL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install .

COPY alembic.ini ./
COPY migrations ./migrations
COPY seeds ./seeds

RUN useradd --create-home --uid 10001 tally && mkdir -p /data && chown tally:tally /data
USER tally

# SQLite by default, in a volume; set TALLY_DATABASE_URL=postgresql+psycopg://... for PostgreSQL.
ENV TALLY_DATABASE_URL=sqlite:////data/tally.db \
    TALLY_HOST=0.0.0.0 \
    TALLY_PORT=8000
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, sys, urllib.request; url = 'http://127.0.0.1:%s/healthz' % os.environ.get('TALLY_PORT', '8000'); sys.exit(urllib.request.urlopen(url, timeout=4).status != 200)"

# Migrations first (as production applies them), then the server (TALLY_WORKERS processes);
# exec so that the server receives the container's signals.
CMD ["sh", "-c", "alembic upgrade head && exec tally serve"]
