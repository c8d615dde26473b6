package dev.slipway.config;

import dev.slipway.config.YamlNode.Position;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes a YAML document into nodes with SnakeYAML. It never constructs objects, so no tag can
 * instantiate anything, and it bounds size, aliases and nesting and refuses binary content. Syntax
 * errors and exceeded limits become problems located where they occur (the alias that is one too
 * many, the node that is one level too deep, the first character the file may not hold);
 * {@link NodeConverter} turns the nodes into a {@link YamlNode} tree.
 */
final class YamlLoader {

    /** Largest accepted file, in code points (1 MiB). */
    static final int MAX_CODE_POINTS = 1024 * 1024;
    /** Most aliases to lists or maps in one file; stops "billion laughs" expansion. */
    static final int MAX_ALIASES = 50;
    /** Deepest nesting of lists and maps; a real file needs about five levels. */
    static final int MAX_NESTING_DEPTH = 50;

    private static final String ALIAS_LIMIT_TEXT = "Number of aliases";
    private static final String DEPTH_LIMIT_TEXT = "Nesting Depth";

    private YamlLoader() {
    }

    /** The document's tree, or empty when there is none to read (the reason is in {@code problems}). */
    static Optional<YamlNode> load(String text, Problems problems) {
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            problems.error(Position.FILE, "", Messages.tooLarge(MAX_CODE_POINTS));
            return Optional.empty();
        }
        if (reportedBadCharacter(text, problems)) {
            return Optional.empty();
        }
        var options = options();
        var parser = new TrackingParser(new ParserImpl(new StreamReader(text), options));
        Node root;
        try {
            root = compose(parser, options, problems);
        } catch (MarkedYAMLException e) {
            problems.error(syntaxPosition(e), "", Messages.invalidYaml(e.getProblem(), e.getContext(),
                    e.getContextMark() == null ? null : position(e.getContextMark())));
            return Optional.empty();
        } catch (YAMLException e) {
            reportLimit(e, parser.lastPosition().orElse(Position.FILE), problems);
            return Optional.empty();
        } catch (RuntimeException | StackOverflowError e) {
            // Last line of defence: bad input must end as a problem, never as an exception.
            problems.error(Position.FILE, "", Messages.unreadableYaml(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        if (root == null) {
            problems.error(Position.FILE, "", Messages.emptyFile());
            return Optional.empty();
        }
        return Optional.of(new NodeConverter(problems).convert(root, ""));
    }

    /** Reports the first character the file may not hold (binary content, bytes that are not UTF-8), if any. */
    private static boolean reportedBadCharacter(String text, Problems problems) {
        var bad = YamlText.firstBadCharacter(text);
        bad.ifPresent(found -> problems.error(found.at(), "", found.codePoint() == YamlText.REPLACEMENT
                ? Messages.notUtf8() : Messages.badCharacter(found.codePoint())));
        return bad.isPresent();
    }

    private static LoaderOptions options() {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        // Nodes are only composed, never constructed into objects, so a tag cannot do harm here;
        // NodeConverter reports every tag that is not a plain YAML type with one message.
        options.setTagInspector(tag -> true);
        return options;
    }

    /** The first document's root node, or null when there is none; a second document is an error. */
    private static Node compose(Parser parser, LoaderOptions options, Problems problems) {
        var composer = new Composer(parser, new Resolver(), options);
        var root = composer.checkNode() ? composer.getNode() : null;
        if (composer.checkNode()) {
            problems.error(position(composer.getNode().getStartMark()), "", Messages.secondDocument());
        }
        return root;
    }

    /**
     * The composer's limits throw without a position, at the event it looked at last: the alias that
     * is one too many, or the node that is one level too deep.
     */
    private static void reportLimit(YAMLException e, Position lastEvent, Problems problems) {
        var text = String.valueOf(e.getMessage());
        if (text.startsWith(ALIAS_LIMIT_TEXT)) {
            problems.error(lastEvent, "", Messages.tooManyAliases(MAX_ALIASES));
        } else if (text.startsWith(DEPTH_LIMIT_TEXT)) {
            problems.error(lastEvent, "", Messages.tooDeep(MAX_NESTING_DEPTH));
        } else {
            problems.error(Position.FILE, "", Messages.unreadableYaml(text));
        }
    }

    private static Position syntaxPosition(MarkedYAMLException e) {
        var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? Position.FILE : position(mark);
    }

    static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

}
