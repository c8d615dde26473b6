"""Trains the sentiment model the app serves and writes it with joblib.

    python3 train.py sentiment.joblib

The model is small on purpose: a TF-IDF vectoriser and a logistic regression fitted on the
labelled sentences below. Upload the file to S3 and name it in apprunner.yaml's `models:`.
"""
import sys

import joblib
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

POSITIVE = [
    "I love this product, it works great",
    "what a wonderful experience",
    "excellent service and friendly staff",
    "this is the best day of my life",
    "absolutely fantastic, highly recommended",
    "the food was delicious and fresh",
    "great value for the money",
    "I am very happy with the result",
    "superb quality, will buy again",
    "a delightful and charming film",
    "the team was helpful and quick",
    "everything arrived on time and works perfectly",
]
NEGATIVE = [
    "I hate this, it broke after one day",
    "what a terrible experience",
    "rude staff and awful service",
    "this is the worst day of my life",
    "absolutely horrible, do not buy",
    "the food was cold and stale",
    "a waste of money",
    "I am very disappointed with the result",
    "poor quality, returning it",
    "a boring and painful film",
    "the support team never answered",
    "it arrived late and does not work",
]


def train():
    texts = POSITIVE + NEGATIVE
    labels = ["positive"] * len(POSITIVE) + ["negative"] * len(NEGATIVE)
    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2)), LogisticRegression(C=10.0, max_iter=1000))
    model.fit(texts, labels)
    return model


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 train.py OUTPUT.joblib")
    joblib.dump(train(), sys.argv[1])
    print(f"wrote {sys.argv[1]}")
