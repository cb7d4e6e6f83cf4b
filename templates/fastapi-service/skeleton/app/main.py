"""${{ values.name }}: ${{ values.description }}"""

from fastapi import FastAPI

app = FastAPI(title=${{ values.name | dump }}, description=${{ values.description | dump }})


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/")
def index() -> dict[str, str]:
    return {"service": ${{ values.name | dump }}, "owner": ${{ values.owner | dump }}}
