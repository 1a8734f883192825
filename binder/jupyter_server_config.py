# Binder: JupyterLab opens the collection's first notebook (copied to ~/.jupyter by binder/postBuild).
c = get_config()  # noqa: F821  (provided by Jupyter when it reads this file)
c.ServerApp.default_url = "/lab/tree/notebooks/00-start-here.ipynb"
