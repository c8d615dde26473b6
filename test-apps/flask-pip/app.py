from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/")
def hello():
    return "Hello from Flask!"


@app.route("/echo", methods=["POST"])
def echo():
    return jsonify(request.get_json(silent=True) or {})


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
