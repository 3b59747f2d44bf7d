from saidwhat.cli import app

app()
