"""The fact model: records, pandas frames, alignment across articles, disagreements."""
