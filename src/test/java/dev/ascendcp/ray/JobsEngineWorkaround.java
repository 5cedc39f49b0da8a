package dev.ascendcp.ray;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Works around a bug of the jobs engine on this branch: {@code jobs.engine.Retention} has two constructors and none
 * marked {@code @Autowired}, so the context does not start ("No default constructor found"). Constructor autowiring
 * picks the one whose arguments exist. Remove once the jobs module fixes it.
 */
@TestConfiguration(proxyBeanMethods = false)
class JobsEngineWorkaround {

    @Bean
    static BeanFactoryPostProcessor autowireJobsEngineConstructors() {
        return factory -> {
            for (String name : factory.getBeanDefinitionNames()) {
                if (factory.getBeanDefinition(name) instanceof AbstractBeanDefinition bd
                        && bd.getBeanClassName() != null
                        && bd.getBeanClassName().startsWith("dev.ascendcp.jobs.engine.")) {
                    bd.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
                }
            }
        };
    }
}
