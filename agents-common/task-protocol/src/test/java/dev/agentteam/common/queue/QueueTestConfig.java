package dev.agentteam.common.queue;

import dev.agentteam.common.testing.ContainerServices;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/** One context for every queue test (Boot caches it): the auto-configured queue beans, no worker. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ContainerServices.class)
class QueueTestConfig {
}
