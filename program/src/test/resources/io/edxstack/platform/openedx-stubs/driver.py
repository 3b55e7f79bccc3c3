"""Loads <service>.envs.tutor.production from the stand-ins and the filled settings; prints what it set as JSON.

Folders the settings create (os.makedirs) are recorded, not created: the pod's writable mounts must hold them.
"""
import json
import os
import sys

created = []
os.makedirs = lambda path, *args, **kwargs: created.append(path)
service = os.environ["SERVICE_VARIANT"]
module = __import__(service + ".envs.tutor.production", fromlist=["*"])
settings = {name: getattr(module, name) for name in dir(module) if name.isupper()}
settings["_created_folders"] = created
json.dump(settings, sys.stdout, default=repr)
