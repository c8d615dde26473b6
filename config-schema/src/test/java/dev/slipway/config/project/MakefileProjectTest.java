package dev.slipway.config.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MakefileProjectTest {

    @Test
    void findsTheTargetsOfRuleLines() {
        assertThat(MakefileProject.targets("""
                # build and run
                APP := server
                CFLAGS = -O2 -DX=a:b
                PREFIX ?= /usr/local
                .PHONY: all install run
                all install: deps
                \tpip install -r requirements.txt
                run:: all
                \tpython3 app.py
                %.o: %.c
                \tcc -c $<
                $(APP): main.o
                  indented: not a rule
                clean:
                \trm -rf build
                """)).containsExactly("all", "install", "run", "clean");
    }

    @Test
    void readsCrlfMakefiles() {
        assertThat(MakefileProject.targets("build:\r\n\tmake -C src\r\nstart:\r\n\t./app\r\n"))
                .containsExactly("build", "start");
    }
}
