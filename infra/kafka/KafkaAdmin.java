import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Waits until the broker answers, then creates topics given as name:partitions[:compact].
 * Run as a single-file program: java -cp 'libs/*' KafkaAdmin.java 127.0.0.1:9092 90 sync.ticks:3 sync.schemas:3:compact
 */
public class KafkaAdmin {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long deadline = System.currentTimeMillis() + Long.parseLong(args[1]) * 1000;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(props)) {
            awaitBroker(admin, deadline);
            List<NewTopic> topics = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                String[] parts = args[i].split(":");
                NewTopic topic = new NewTopic(parts[0], Integer.parseInt(parts[1]), (short) 1);
                if (parts.length > 2 && parts[2].equals("compact")) {
                    topic.configs(java.util.Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                topics.add(topic);
            }
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            System.out.println("kafka ready at " + bootstrap + ", topics: " + topics.size());
        }
    }

    private static void awaitBroker(Admin admin, long deadline) throws InterruptedException {
        while (true) {
            try {
                admin.describeCluster().nodes().get();
                return;
            } catch (ExecutionException e) {
                if (System.currentTimeMillis() > deadline) {
                    System.err.println("kafka did not become ready: " + e.getCause());
                    System.exit(1);
                }
                Thread.sleep(300);
            }
        }
    }
}
