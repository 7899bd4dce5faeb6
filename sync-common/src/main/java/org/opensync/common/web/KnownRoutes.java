package org.opensync.common.web;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's routes and their HTTP methods, read from the JAX-RS annotations at start-up. RESTEasy Reactive
 * answers 404 for a wrong method when a route's class path is a prefix of another class's path; with this table
 * the error mapper can answer 405 with {@code Allow}, as Graph clients expect.
 */
@ApplicationScoped
public class KnownRoutes {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*([^}]+))?}");

    private record Route(Pattern path, String method) {
    }

    private final List<Route> routes = new ArrayList<>();

    void collect(@Observes StartupEvent startup, BeanManager beans) {
        for (Bean<?> bean : beans.getBeans(Object.class)) {
            Path classPath = bean.getBeanClass().getAnnotation(Path.class);
            if (classPath != null) {
                collect(classPath.value(), bean.getBeanClass());
            }
        }
    }

    /** The methods that would be accepted on {@code path}; empty when no route matches it at all. */
    public Set<String> allowedMethods(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            if (route.path().matcher(path).matches()) {
                allowed.add(route.method());
            }
        }
        return allowed;
    }

    private void collect(String prefix, Class<?> resource) {
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            String template = path == null ? prefix : join(prefix, path.value());
            String httpMethod = httpMethod(method);
            if (httpMethod != null) {
                routes.add(new Route(regex(template), httpMethod));
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    private static String join(String prefix, String path) {
        return (prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                + (path.startsWith("/") ? path : "/" + path);
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start())));
            regex.append(variable.group(1) == null ? "[^/]+" : "(?:" + variable.group(1).trim() + ")");
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile("/?" + regex.toString().replaceFirst("^\\\\Q/", "\\\\Q") + "/?");
    }
}
