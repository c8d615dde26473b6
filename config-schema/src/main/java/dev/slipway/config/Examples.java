package dev.slipway.config;

import java.util.Map;

/** Example values quoted in fix suggestions, matched to the file's runtime where it matters. */
final class Examples {

    static final String RUNTIME = "python3";
    static final String ENV_ENTRY = "{name: LOG_LEVEL, value: info}";
    static final String SECRET_ENTRY = "{name: DB_PASSWORD, value-from: db-password}";
    static final String VARIABLE_NAME = "LOG_LEVEL";
    static final String PORT_VARIABLE = "APP_PORT";

    private static final String DEFAULT_LANGUAGE = "python";
    /** Runtime name prefix → {build command, start command}. */
    private static final Map<String, String[]> BY_LANGUAGE = Map.of(
            "python", new String[] {"pip install -r requirements.txt", "python3 app.py"},
            "nodejs", new String[] {"npm install", "npm start"},
            "corretto", new String[] {"mvn clean package", "java -jar target/app.jar"},
            "dotnet", new String[] {"dotnet publish -c Release -o out", "dotnet out/app.dll"},
            "php", new String[] {"composer install", "php -S 0.0.0.0:8080"},
            "ruby", new String[] {"bundle install", "bundle exec rackup"},
            "go", new String[] {"go build -o app .", "./app"});

    private Examples() {
    }

    static String buildCommand(String runtime) {
        return forRuntime(runtime)[0];
    }

    static String startCommand(String runtime) {
        return forRuntime(runtime)[1];
    }

    private static String[] forRuntime(String runtime) {
        return BY_LANGUAGE.entrySet().stream()
                .filter(e -> runtime.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(BY_LANGUAGE.get(DEFAULT_LANGUAGE));
    }
}
