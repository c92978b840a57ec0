"""Oversight relations, split by the sentence families and layouts that state them; the
registered extractor that runs them is extract.governance.relations."""
