"""Imported once by the worker fork server: every worker starts with the gazetteer, the jieba
dictionary and OpenCC loaded, instead of paying a second or so for its first document."""

from cooperation_pipeline.processing import warm_up

warm_up()
