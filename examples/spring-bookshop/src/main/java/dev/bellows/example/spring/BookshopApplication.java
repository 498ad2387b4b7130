package dev.bellows.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A bookshop served by several instances behind a load balancer, upgraded one instance at a time.
 * Its schema is in {@code src/main/resources/db/migrations} and runs through the Bellows starter.
 */
@SpringBootApplication
public class BookshopApplication {

    public static void main(String[] args) {
        SpringApplication.run(BookshopApplication.class, args);
    }
}
