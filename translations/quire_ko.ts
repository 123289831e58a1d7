<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Cli</name>
    <message>
        <source>write a notebook as nbformat writes it</source>
        <translation>nbformat이 쓰는 방식 그대로 노트북 쓰기</translation>
    </message>
    <message>
        <source>Usage: quire format NOTEBOOK --output FILE [--style canonical|keep]

Reads NOTEBOOK (nbformat 3 or 4) and writes it to FILE (&apos;-&apos; for standard output).
  --style canonical  nbformat&apos;s own text, byte for byte (the default)
  --style keep       the layout of NOTEBOOK itself (indentation, key order,
                     escaping, line endings)
Schema problems are reported on standard error as warnings; the file is still
written. A file that cannot be read as a notebook is an error (exit status 1)
and FILE is left as it was.
</source>
        <translation>사용법: quire format NOTEBOOK --output FILE [--style canonical|keep]

NOTEBOOK(nbformat 3 또는 4)을 읽어 FILE에 씁니다(표준 출력은 &apos;-&apos;).
  --style canonical  nbformat이 직접 쓰는 텍스트와 바이트 단위까지 동일(기본값)
  --style keep       NOTEBOOK 자체의 레이아웃(들여쓰기, 키 순서,
                     이스케이프, 줄 끝) 유지
스키마 문제는 표준 오류에 경고로 보고되며, 파일은 그대로 기록됩니다.
노트북으로 읽을 수 없는 파일은 오류(종료 상태 1)이며, 이때 FILE은
변경되지 않습니다.
</translation>
    </message>
    <message>
        <source>check notebooks against the nbformat schema</source>
        <translation>nbformat 스키마로 노트북 검사</translation>
    </message>
    <message>
        <source>Usage: quire check NOTEBOOK...

Prints every problem as FILE:LINE: error|warning: PATH: message.
Exit status 0 when every notebook is valid, 1 otherwise.
</source>
        <translation>사용법: quire check NOTEBOOK...

모든 문제를 FILE:LINE: error|warning: PATH: message 형식으로 출력합니다.
모든 노트북이 유효하면 종료 상태는 0, 그렇지 않으면 1입니다.
</translation>
    </message>
    <message>
        <source>list the installed kernels</source>
        <translation>설치된 커널 목록 표시</translation>
    </message>
    <message>
        <source>Usage: quire kernels [--json]

Lists the kernelspecs Quire finds (JUPYTER_PATH, the Jupyter data
directories, the running environment): name, language, display name
and folder. --json prints them as `jupyter kernelspec list --json` does.
</source>
        <translation>사용법: quire kernels [--json]

Quire가 찾은 kernelspec(JUPYTER_PATH, Jupyter 데이터 디렉터리,
현재 실행 환경)의 이름, 언어, 표시 이름, 폴더를 나열합니다.
--json을 지정하면 `jupyter kernelspec list --json`과 같은 형식으로 출력합니다.
</translation>
    </message>
    <message>
        <source>run every code cell of a notebook</source>
        <translation>노트북의 모든 코드 셀 실행</translation>
    </message>
    <message>
        <source>%1: error: cannot read the file: %2
</source>
        <translation>%1: 오류: 파일을 읽을 수 없습니다: %2
</translation>
    </message>
    <message>
        <source>Try &apos;quire %1 --help&apos;.
</source>
        <translation>&apos;quire %1 --help&apos;를 실행해 보세요.
</translation>
    </message>
    <message>
        <source>--output needs a file name</source>
        <translation>--output에는 파일 이름이 필요합니다</translation>
    </message>
    <message>
        <source>--style needs a value</source>
        <translation>--style에는 값이 필요합니다</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>알 수 없는 옵션 %1</translation>
    </message>
    <message>
        <source>only one notebook can be formatted at a time</source>
        <translation>한 번에 노트북 하나만 포맷할 수 있습니다</translation>
    </message>
    <message>
        <source>no notebook given</source>
        <translation>노트북이 지정되지 않았습니다</translation>
    </message>
    <message>
        <source>no --output given (use --output - for standard output)</source>
        <translation>--output이 지정되지 않았습니다(표준 출력은 --output - 사용)</translation>
    </message>
    <message>
        <source>--style must be canonical or keep, not %1</source>
        <translation>--style은 %1이(가) 아니라 canonical 또는 keep이어야 합니다</translation>
    </message>
    <message>
        <source>%1: error: not written: the file cannot be read as a notebook
</source>
        <translation>%1: 오류: 쓰지 않았습니다: 파일을 노트북으로 읽을 수 없습니다
</translation>
    </message>
    <message>
        <source>%1: error: cannot write the file: %2
</source>
        <translation>%1: 오류: 파일을 쓸 수 없습니다: %2
</translation>
    </message>
    <message>
        <source>Usage: quire [NOTEBOOK...]
       quire COMMAND [ARGS...]

Commands:
</source>
        <translation>사용법: quire [NOTEBOOK...]
        quire COMMAND [ARGS...]

명령:
</translation>
    </message>
    <message>
        <source>
Run &apos;quire COMMAND --help&apos; for the options of a command.
</source>
        <translation>
명령별 옵션은 &apos;quire COMMAND --help&apos;로 확인하세요.
</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>셀 %1</translation>
    </message>
    <message>
        <source>quire run: error: %1 did not finish within %2 seconds
</source>
        <translation>quire run: 오류: %1이(가) %2초 안에 끝나지 않았습니다
</translation>
    </message>
    <message>
        <source>quire run: error: the kernel died while running %1: %2
</source>
        <translation>quire run: 오류: %1을(를) 실행하는 중 커널이 종료되었습니다: %2
</translation>
    </message>
    <message>
        <source>quire run: error in %1:
%2
%3: %4
</source>
        <translation>quire run: %1에서 오류 발생:
%2
%3: %4
</translation>
    </message>
    <message>
        <source>No kernels found.
</source>
        <translation>커널을 찾을 수 없습니다.
</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>LANGUAGE</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>DISPLAY NAME</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>경로</translation>
    </message>
    <message>
        <source>--kernel needs a kernel name</source>
        <translation>--kernel에는 커널 이름이 필요합니다</translation>
    </message>
    <message>
        <source>--timeout needs a number of seconds</source>
        <translation>--timeout에는 초 단위 숫자가 필요합니다</translation>
    </message>
    <message>
        <source>only one notebook can be run at a time</source>
        <translation>한 번에 노트북 하나만 실행할 수 있습니다</translation>
    </message>
    <message>
        <source>quire run: error: no kernel named %1 (see &apos;quire kernels&apos;)
</source>
        <translation>quire run: 오류: 이름이 %1인 커널이 없습니다(&apos;quire kernels&apos; 참조)
</translation>
    </message>
    <message>
        <source>quire run: error: cannot start the %1 kernel: %2
</source>
        <translation>quire run: 오류: %1 커널을 시작할 수 없습니다: %2
</translation>
    </message>
    <message>
        <source>quire run: error: the %1 kernel did not start: %2
</source>
        <translation>quire run: 오류: %1 커널이 시작되지 않았습니다: %2
</translation>
    </message>
    <message>
        <source>show the CPUs, memory, disk, GPUs and TPUs of this machine</source>
        <translation>이 컴퓨터의 CPU, 메모리, 디스크, GPU, TPU 표시</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>GPU %1: %2 (%3)
</source>
        <translation>GPU %1: %2 (%3)
</translation>
    </message>
    <message>
        <source>  utilization %1, memory %2 used of %3, %4
</source>
        <translation>  사용률 %1, 메모리 %3 중 %2 사용, %4
</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>  power %1 of %2, SM clock %3
</source>
        <translation>  전력 %2 중 %1, SM 클럭 %3
</translation>
    </message>
    <message>
        <source>%1 MHz</source>
        <translation>%1 MHz</translation>
    </message>
    <message>
        <source>  processes: N/A
</source>
        <translation>  프로세스: N/A
</translation>
    </message>
    <message>
        <source>  processes: none
</source>
        <translation>  프로세스: 없음
</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>  processes: %1
</source>
        <translation>  프로세스: %1
</translation>
    </message>
    <message>
        <source>CPUs: %1, %2 busy
</source>
        <translation>CPU: %1개, 사용률 %2
</translation>
    </message>
    <message>
        <source>Memory: %1 used of %2
</source>
        <translation>메모리: %2 중 %1 사용
</translation>
    </message>
    <message>
        <source>Disk (%1): %2 used of %3
</source>
        <translation>디스크 (%1): %3 중 %2 사용
</translation>
    </message>
    <message>
        <source>GPUs: none (%1)
</source>
        <translation>GPU: 없음 (%1)
</translation>
    </message>
    <message>
        <source>GPUs (from nvidia-smi):
</source>
        <translation>GPU (nvidia-smi 기준):
</translation>
    </message>
    <message>
        <source>TPUs: none
</source>
        <translation>TPU: 없음
</translation>
    </message>
    <message>
        <source>TPU %1: %2 at %3 (PCI %4)
</source>
        <translation>TPU %1: %2, 위치 %3 (PCI %4)
</translation>
    </message>
    <message>
        <source>Accelerators: %1
</source>
        <translation>가속기: %1
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Usage: quire run NOTEBOOK [--kernel NAME] [--output FILE] [--timeout SECONDS]
                 [--allow-errors] [--runtime URL]

Runs the code cells of NOTEBOOK in order on a new kernel (the notebook&apos;s own, or
NAME), records their outputs, execution counts and timing (metadata.execution) as
nbclient does, and saves the notebook to FILE (default: NOTEBOOK itself) in its own
style. Cells tagged skip-execution are not run; an error stops the run (exit status
1, the notebook is saved up to that cell) unless --allow-errors is given or the
cell is tagged raises-exception. --timeout limits each cell; a cell that runs longer
is interrupted and the run fails. Standard input is not available to the cells.

--runtime URL runs the kernel on a Jupyter Server (or a JupyterHub user server,
https://hub/user/NAME/) instead of this machine. The token comes from the URL&apos;s
?token= or the QUIRE_RUNTIME_TOKEN environment variable. A certificate that no
system CA vouches for is refused unless it was accepted in Quire&apos;s window. The
kernel and its session are deleted from the server when the run ends.
</source>
        <translation>사용법: quire run NOTEBOOK [--kernel NAME] [--output FILE] [--timeout SECONDS]
                 [--allow-errors] [--runtime URL]

NOTEBOOK의 코드 셀을 새 커널(노트북에 지정된 커널 또는 NAME)에서 순서대로 실행하고,
nbclient처럼 출력, 실행 번호, 실행 시간(metadata.execution)을 기록한 뒤 노트북을
원래 형식 그대로 FILE(기본값: NOTEBOOK 자체)에 저장합니다. skip-execution 태그가
붙은 셀은 실행하지 않습니다. --allow-errors를 주지 않았거나 셀에 raises-exception
태그가 없으면 오류가 나는 즉시 실행을 멈춥니다(종료 코드 1, 그 셀까지 저장).
--timeout은 셀마다 시간을 제한하며, 더 오래 걸리는 셀은 중단되고 실행은 실패합니다.
셀에서는 표준 입력을 사용할 수 없습니다.

--runtime URL은 이 컴퓨터 대신 Jupyter Server(또는 JupyterHub 사용자 서버,
https://hub/user/NAME/)에서 커널을 실행합니다. 토큰은 URL의 ?token= 또는
QUIRE_RUNTIME_TOKEN 환경 변수에서 가져옵니다. 시스템 CA가 보증하지 않는 인증서는
Quire 창에서 수락한 것이 아니면 거부합니다. 실행이 끝나면 서버에서 커널과
세션을 삭제합니다.
</translation>
    </message>
    <message>
        <source>quire run: error: cannot start the %1 kernel on %2: %3
</source>
        <translation>quire run: 오류: %2에서 %1 커널을 시작할 수 없습니다: %3
</translation>
    </message>
    <message>
        <source>--runtime needs a server URL</source>
        <translation>--runtime에는 서버 URL이 필요합니다</translation>
    </message>
    <message>
        <source>Usage: quire resources [--json] [--runtime URL]

Prints what the local runtime has: the number of CPUs and how busy they are
(measured over 0.2 seconds), memory, the disk holding the current folder, NVIDIA
GPUs with their processes (through the driver&apos;s NVML library, else nvidia-smi)
and Google TPUs (from /sys and /dev). --json prints one JSON object instead;
a value that cannot be measured is null there and N/A in the text.

--runtime URL measures a Jupyter Server instead: a script in one of its terminals
(CPU measured over 0.5 seconds, the disk holding the server&apos;s root folder,
nvidia-smi on the server). Where the server has terminals disabled, a python3
kernel is started there to measure from inside it, and deleted afterwards. The
token comes from the URL&apos;s ?token= or the QUIRE_RUNTIME_TOKEN environment
variable, as for &apos;quire run --runtime&apos;.
</source>
        <translation>사용법: quire resources [--json] [--runtime URL]

로컬 런타임의 자원을 출력합니다: CPU 개수와 사용률(0.2초 동안 측정), 메모리,
현재 폴더가 있는 디스크, NVIDIA GPU와 그 프로세스(드라이버의 NVML 라이브러리,
없으면 nvidia-smi로), Google TPU(/sys와 /dev에서). --json을 주면 JSON 객체
하나를 출력하며, 측정할 수 없는 값은 JSON에서 null, 텍스트에서 N/A입니다.

--runtime URL을 주면 대신 Jupyter Server를 측정합니다: 서버의 터미널 하나에서
스크립트를 실행합니다(CPU는 0.5초 동안 측정, 서버 루트 폴더가 있는 디스크,
서버의 nvidia-smi). 서버에서 터미널이 꺼져 있으면 python3 커널을 시작해 그 안에서
측정한 뒤 삭제합니다. 토큰은 &apos;quire run --runtime&apos;과 같이 URL의 ?token= 또는
QUIRE_RUNTIME_TOKEN 환경 변수에서 가져옵니다.
</translation>
    </message>
    <message>
        <source>Runtime: %1
</source>
        <translation>런타임: %1
</translation>
    </message>
    <message>
        <source>Note: %1
</source>
        <translation>참고: %1
</translation>
    </message>
    <message>
        <source>quire resources: error: %1
</source>
        <translation>quire resources: 오류: %1
</translation>
    </message>
    <message>
        <source>the python3 kernel did not start</source>
        <translation>python3 커널이 시작되지 않았습니다</translation>
    </message>
    <message>
        <source>cannot measure %1: %2</source>
        <translation>%1을(를) 측정할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>NbFormat</name>
    <message>
        <source>the file is empty</source>
        <translation>파일이 비어 있습니다</translation>
    </message>
    <message>
        <source>the file contains a NUL byte: it is not JSON text</source>
        <translation>파일에 NUL 바이트가 있습니다: JSON 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>the JSON is nested more than %1 levels deep</source>
        <translation>JSON 중첩이 %1단계를 넘습니다</translation>
    </message>
    <message>
        <source>the JSON ends too early (is the file truncated?)</source>
        <translation>JSON이 너무 일찍 끝납니다(파일이 잘렸나요?)</translation>
    </message>
    <message>
        <source>NaN and Infinity are not valid JSON</source>
        <translation>NaN과 Infinity는 유효한 JSON이 아닙니다</translation>
    </message>
    <message>
        <source>the file is not valid UTF-8 text</source>
        <translation>파일이 유효한 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>a number is too large: %1</source>
        <translation>숫자가 너무 큽니다: %1</translation>
    </message>
    <message>
        <source>not valid JSON at column %1: %2</source>
        <translation>%1열에서 JSON이 올바르지 않습니다: %2</translation>
    </message>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>필수 키 &quot;%1&quot;이(가) 없습니다</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>객체여야 합니다</translation>
    </message>
    <message>
        <source>must be a list of cells</source>
        <translation>셀 목록이어야 합니다</translation>
    </message>
    <message>
        <source>a cell must be an object</source>
        <translation>셀은 객체여야 합니다</translation>
    </message>
    <message>
        <source>not a notebook: the file is JSON, but not a JSON object</source>
        <translation>노트북이 아닙니다: JSON 파일이지만 JSON 객체가 아닙니다</translation>
    </message>
    <message>
        <source>not a notebook: there is no &quot;nbformat&quot; version</source>
        <translation>노트북이 아닙니다: &quot;nbformat&quot; 버전이 없습니다</translation>
    </message>
    <message>
        <source>the nbformat version must be a whole number</source>
        <translation>nbformat 버전은 정수여야 합니다</translation>
    </message>
    <message>
        <source>the nbformat_minor version must be a whole number</source>
        <translation>nbformat_minor 버전은 정수여야 합니다</translation>
    </message>
    <message>
        <source>this notebook was written by a newer version of Jupyter (nbformat %1); Quire reads nbformat 3 and 4</source>
        <translation>이 노트북은 더 새로운 버전의 Jupyter로 작성되었습니다(nbformat %1). Quire는 nbformat 3과 4를 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>nbformat %1 is too old; Quire reads nbformat 3 and 4 (convert it with Jupyter first)</source>
        <translation>nbformat %1은(는) 너무 오래된 형식입니다. Quire는 nbformat 3과 4를 읽을 수 있습니다(먼저 Jupyter로 변환하세요)</translation>
    </message>
    <message>
        <source>a notebook must be a JSON object</source>
        <translation>노트북은 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>must be 4</source>
        <translation>4여야 합니다</translation>
    </message>
    <message>
        <source>must be an integer</source>
        <translation>정수여야 합니다</translation>
    </message>
    <message>
        <source>unexpected key &quot;%1&quot;</source>
        <translation>예상하지 못한 키 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>문자열이어야 합니다</translation>
    </message>
    <message>
        <source>must be a string or a list of strings</source>
        <translation>문자열 또는 문자열 목록이어야 합니다</translation>
    </message>
    <message>
        <source>must be an integer or null</source>
        <translation>정수 또는 null이어야 합니다</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>음수일 수 없습니다</translation>
    </message>
    <message>
        <source>must be a string or an object</source>
        <translation>문자열 또는 객체여야 합니다</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>목록이어야 합니다</translation>
    </message>
    <message>
        <source>unknown cell type &quot;%1&quot;</source>
        <translation>알 수 없는 셀 유형 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a list of outputs</source>
        <translation>출력 목록이어야 합니다</translation>
    </message>
    <message>
        <source>a cell id must be 1 to 64 characters: letters, digits, &quot;-&quot; or &quot;_&quot;</source>
        <translation>셀 ID는 1~64자의 영문자, 숫자, &quot;-&quot; 또는 &quot;_&quot;로 이루어져야 합니다</translation>
    </message>
    <message>
        <source>a cell name must be one line, not empty</source>
        <translation>셀 이름은 비어 있지 않은 한 줄이어야 합니다</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>must be true, false or &quot;auto&quot;</source>
        <translation>true, false 또는 &quot;auto&quot;여야 합니다</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>문자열 목록이어야 합니다</translation>
    </message>
    <message>
        <source>a tag must not be empty or contain a comma</source>
        <translation>태그는 비어 있거나 쉼표를 포함할 수 없습니다</translation>
    </message>
    <message>
        <source>tags must be unique</source>
        <translation>태그는 중복될 수 없습니다</translation>
    </message>
    <message>
        <source>unknown output type &quot;%1&quot;</source>
        <translation>알 수 없는 출력 유형 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>duplicate cell id &quot;%1&quot; (also used by %2)</source>
        <translation>중복된 셀 ID &quot;%1&quot;(%2에서도 사용됨)</translation>
    </message>
    <message>
        <source>cannot convert this nbformat 3 notebook: &quot;%1&quot; is missing</source>
        <translation>이 nbformat 3 노트북을 변환할 수 없습니다: &quot;%1&quot;이(가) 없습니다</translation>
    </message>
    <message>
        <source>cannot convert this nbformat 3 notebook: a value has the wrong type</source>
        <translation>이 nbformat 3 노트북을 변환할 수 없습니다: 값의 유형이 잘못되었습니다</translation>
    </message>
</context>
<context>
    <name>NotebookEditing</name>
    <message>
        <source>Typing</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Insert cell</source>
        <translation>셀 삽입</translation>
    </message>
    <message>
        <source>Delete cell</source>
        <translation>셀 삭제</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n cells</source>
        <translation>
            <numerusform>셀 %n개 삭제</numerusform>
        </translation>
    </message>
    <message>
        <source>Move cells</source>
        <translation>셀 이동</translation>
    </message>
    <message>
        <source>Change cell type</source>
        <translation>셀 유형 변경</translation>
    </message>
    <message>
        <source>Merge cells</source>
        <translation>셀 병합</translation>
    </message>
    <message>
        <source>Split cell</source>
        <translation>셀 분할</translation>
    </message>
    <message>
        <source>Paste cells</source>
        <translation>셀 붙여넣기</translation>
    </message>
    <message>
        <source>Clear outputs</source>
        <translation>출력 지우기</translation>
    </message>
    <message>
        <source>Upgrade to nbformat 4.5</source>
        <translation>nbformat 4.5로 업그레이드</translation>
    </message>
    <message>
        <source>Hide outputs</source>
        <translation>출력 숨기기</translation>
    </message>
    <message>
        <source>Show outputs</source>
        <translation>출력 보이기</translation>
    </message>
    <message>
        <source>Scroll long outputs</source>
        <translation>긴 출력 스크롤</translation>
    </message>
    <message>
        <source>Show outputs in full</source>
        <translation>출력 전체 보기</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>QUIRE_RCLONE names %1, which is not an executable file.</source>
        <translation>QUIRE_RCLONE이 가리키는 %1은(는) 실행 파일이 아닙니다.</translation>
    </message>
    <message>
        <source>rclone is not installed (it was not found on PATH). Install rclone 1.60 or newer (Debian/Ubuntu: sudo apt install rclone) to use Drive.</source>
        <translation>rclone이 설치되어 있지 않습니다(PATH에서 찾지 못했습니다). Drive를 사용하려면 rclone 1.60 이상을 설치하세요(Debian/Ubuntu: sudo apt install rclone).</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <source>nvidia-smi could not be started: %1</source>
        <translation>nvidia-smi를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>nvidia-smi did not answer within %1 seconds</source>
        <translation>nvidia-smi가 %1초 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>종료 상태 %1</translation>
    </message>
    <message>
        <source>nvidia-smi failed: %1</source>
        <translation>nvidia-smi 실패: %1</translation>
    </message>
    <message>
        <source>nvidia-smi is not installed</source>
        <translation>nvidia-smi가 설치되어 있지 않습니다</translation>
    </message>
    <message>
        <source>no NVIDIA driver found on this runtime</source>
        <translation>이 런타임에서 NVIDIA 드라이버를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>the NVIDIA driver is not loaded</source>
        <translation>NVIDIA 드라이버가 로드되지 않았습니다</translation>
    </message>
    <message>
        <source>the NVIDIA driver and library versions do not match</source>
        <translation>NVIDIA 드라이버와 라이브러리 버전이 맞지 않습니다</translation>
    </message>
    <message>
        <source>no permission to use the NVIDIA driver</source>
        <translation>NVIDIA 드라이버를 사용할 권한이 없습니다</translation>
    </message>
    <message>
        <source>a GPU is lost (it fell off the bus or needs a reset)</source>
        <translation>GPU를 잃었습니다 (버스에서 떨어졌거나 재설정이 필요합니다)</translation>
    </message>
    <message>
        <source>the NVIDIA management library is too old</source>
        <translation>NVIDIA 관리 라이브러리가 너무 오래되었습니다</translation>
    </message>
    <message>
        <source>not supported by this GPU</source>
        <translation>이 GPU에서 지원하지 않습니다</translation>
    </message>
    <message>
        <source>the NVIDIA management library is not initialized</source>
        <translation>NVIDIA 관리 라이브러리가 초기화되지 않았습니다</translation>
    </message>
    <message>
        <source>the NVIDIA management library failed (error %1)</source>
        <translation>NVIDIA 관리 라이브러리 오류 (오류 %1)</translation>
    </message>
    <message>
        <source>the NVIDIA driver sees no GPU</source>
        <translation>NVIDIA 드라이버가 GPU를 찾지 못했습니다</translation>
    </message>
    <message>
        <source>nvidia-smi lists no GPU</source>
        <translation>nvidia-smi에 GPU가 없습니다</translation>
    </message>
    <message>
        <source>the notebook&apos;s kernel has stopped</source>
        <translation>노트북의 커널이 멈췄습니다</translation>
    </message>
    <message>
        <source>the kernel stopped before it answered</source>
        <translation>커널이 응답하기 전에 멈췄습니다</translation>
    </message>
    <message>
        <source>the kernel could not run the probe: %1</source>
        <translation>커널이 측정 코드를 실행하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>the kernel&apos;s answer to the probe was not understood</source>
        <translation>측정 코드에 대한 커널의 응답을 이해할 수 없습니다</translation>
    </message>
    <message>
        <source>terminals are disabled on this server; sampled through the kernel</source>
        <translation>이 서버는 터미널이 꺼져 있어 커널을 통해 측정했습니다</translation>
    </message>
    <message>
        <source>Terminals are disabled on this server and sampling through the kernel failed: %1.</source>
        <translation>이 서버는 터미널이 꺼져 있고, 커널을 통한 측정도 실패했습니다: %1.</translation>
    </message>
    <message>
        <source>Terminals are disabled on this server; its resources can be sampled through the notebook&apos;s kernel once it runs.</source>
        <translation>이 서버는 터미널이 꺼져 있습니다. 노트북의 커널이 실행되면 커널을 통해 자원을 측정할 수 있습니다.</translation>
    </message>
    <message>
        <source>nvidia-smi is not installed on this runtime</source>
        <translation>이 런타임에는 nvidia-smi가 설치되어 있지 않습니다</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Quire, a notebook IDE</source>
        <translation>Quire, 노트북 IDE</translation>
    </message>
    <message>
        <source>Do not hand files to a running Quire.</source>
        <translation>실행 중인 Quire에 파일을 넘기지 않습니다.</translation>
    </message>
    <message>
        <source>Notebooks to open.</source>
        <translation>열 노트북 파일.</translation>
    </message>
</context>
<context>
    <name>quire::app::AboutDialog</name>
    <message>
        <source>About Quire</source>
        <translation>Quire 정보</translation>
    </message>
    <message>
        <source>Quire logo</source>
        <translation>Quire 로고</translation>
    </message>
    <message>
        <source>A native desktop IDE for Jupyter notebooks.</source>
        <translation>Jupyter 노트북을 위한 네이티브 데스크톱 IDE입니다.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>quire::app::CommandPalette</name>
    <message>
        <source>Command Palette</source>
        <translation>명령 팔레트</translation>
    </message>
    <message>
        <source>Type to find a command</source>
        <translation>명령을 찾으려면 입력하세요</translation>
    </message>
    <message>
        <source>Find a command</source>
        <translation>명령 찾기</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>↑ ↓ to choose, Enter to run, Esc to close</source>
        <translation>↑ ↓ 선택, Enter 실행, Esc 닫기</translation>
    </message>
</context>
<context>
    <name>quire::app::ConnectRuntimeDialog</name>
    <message>
        <source>Connect to a Runtime</source>
        <translation>런타임에 연결</translation>
    </message>
    <message>
        <source>Run this notebook on a Jupyter Server, a JupyterHub server or a kernel gateway. Paste the address the server printed (it may include ?token=…).</source>
        <translation>이 노트북을 Jupyter Server, JupyterHub 서버 또는 커널 게이트웨이에서 실행합니다. 서버가 출력한 주소를 붙여 넣으세요(?token=…이 포함될 수 있습니다).</translation>
    </message>
    <message>
        <source>from the URL, or a JupyterHub API token</source>
        <translation>URL에 있는 토큰 또는 JupyterHub API 토큰</translation>
    </message>
    <message>
        <source>the server&apos;s host name</source>
        <translation>서버의 호스트 이름</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>서버 URL(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>토큰(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>연결(&amp;C)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1에 연결하는 중…</translation>
    </message>
    <message>
        <source>The server answers but has no kernels installed.</source>
        <translation>서버가 응답하지만 설치된 커널이 없습니다.</translation>
    </message>
    <message>
        <source>Kernels there: %1</source>
        <translation>사용 가능한 커널: %1</translation>
    </message>
    <message>
        <source>The system keychain did not take the token (%1): it is kept until Quire quits.</source>
        <translation>시스템 키체인이 토큰을 저장하지 못했습니다(%1). 토큰은 Quire를 종료할 때까지만 유지됩니다.</translation>
    </message>
</context>
<context>
    <name>quire::app::DocumentGuard</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>자동 저장 실패: %1</translation>
    </message>
    <message>
        <source>This notebook changed on disk and was reloaded.</source>
        <translation>디스크에서 이 노트북이 변경되어 다시 불러왔습니다.</translation>
    </message>
    <message>
        <source>This notebook changed on disk. Reload it and lose your changes, or keep yours (saving will overwrite the file)?</source>
        <translation>디스크에서 이 노트북이 변경되었습니다. 다시 불러와 변경 사항을 버리시겠습니까, 아니면 내 변경 사항을 유지하시겠습니까(저장하면 파일을 덮어씁니다)?</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>내 변경 사항 유지</translation>
    </message>
    <message>
        <source>This notebook&apos;s file was deleted or moved: %1</source>
        <translation>이 노트북 파일이 삭제되었거나 이동되었습니다: %1</translation>
    </message>
    <message>
        <source>This notebook changed on disk but cannot be read now: %1</source>
        <translation>디스크에서 이 노트북이 변경되었지만 지금은 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Recovered unsaved notebook from %1. Save it to keep it.</source>
        <translation>%1 시점의 저장되지 않은 노트북을 복구했습니다. 보존하려면 저장하세요.</translation>
    </message>
    <message>
        <source>Recovered unsaved changes from %1. Save to write them to %2.</source>
        <translation>%1 시점의 저장되지 않은 변경 사항을 복구했습니다. 저장하면 %2에 기록됩니다.</translation>
    </message>
    <message>
        <source>Recovered unsaved changes from %1, but %2 has changed on disk since. Saving will overwrite that version.</source>
        <translation>%1 시점의 저장되지 않은 변경 사항을 복구했지만, 그 후 디스크의 %2이(가) 변경되었습니다. 저장하면 해당 버전을 덮어씁니다.</translation>
    </message>
    <message>
        <source>Recovered unsaved changes from %1. %2 no longer exists; Save creates it again.</source>
        <translation>%1 시점의 저장되지 않은 변경 사항을 복구했습니다. %2이(가) 더 이상 없으며, 저장하면 다시 만들어집니다.</translation>
    </message>
    <message>
        <source>Discard Recovered</source>
        <translation>복구한 내용 버리기</translation>
    </message>
</context>
<context>
    <name>quire::app::DriveController</name>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>&amp;Drive</source>
        <translation>Drive(&amp;D)</translation>
    </message>
    <message>
        <source>Select a code cell in a notebook to insert the path.</source>
        <translation>경로를 넣으려면 노트북에서 코드 셀을 선택하세요.</translation>
    </message>
</context>
<context>
    <name>quire::app::EditController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>되돌리기(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t Cells</source>
        <translation>셀 잘라내기(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy Cells</source>
        <translation>셀 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste Cells Below</source>
        <translation>아래에 셀 붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <source>Paste Cells &amp;Above</source>
        <translation>위에 셀 붙여넣기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete Cells</source>
        <translation>셀 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Merge Cells</source>
        <translation>셀 병합(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Split Cell at Cursor</source>
        <translation>커서 위치에서 셀 분할(&amp;S)</translation>
    </message>
    <message>
        <source>Move Cells &amp;Up</source>
        <translation>셀 위로 이동(&amp;U)</translation>
    </message>
    <message>
        <source>Move Cells Do&amp;wn</source>
        <translation>셀 아래로 이동(&amp;W)</translation>
    </message>
    <message>
        <source>Change Cell &amp;Type</source>
        <translation>셀 유형 변경(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>코드(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Markdown</source>
        <translation>마크다운(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Raw</source>
        <translation>원시(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lear Cell Outputs</source>
        <translation>셀 출력 지우기(&amp;L)</translation>
    </message>
    <message>
        <source>Clear &amp;All Outputs</source>
        <translation>모든 출력 지우기(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Find and &amp;Replace…</source>
        <translation>찾기 및 바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Code Cell Below</source>
        <translation>아래에 코드 셀(&amp;C)</translation>
    </message>
    <message>
        <source>Code Cell &amp;Above</source>
        <translation>위에 코드 셀(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Markdown Cell Below</source>
        <translation>아래에 마크다운 셀(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Raw Cell Below</source>
        <translation>아래에 원시 셀(&amp;R)</translation>
    </message>
</context>
<context>
    <name>quire::app::FileController</name>
    <message>
        <source>&amp;New Notebook</source>
        <translation>새 노트북(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Notebook</source>
        <translation>노트북 열기</translation>
    </message>
    <message>
        <source>Jupyter notebooks (*.ipynb);;All files (*)</source>
        <translation>Jupyter 노트북 (*.ipynb);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved</source>
        <translation>저장된 상태로 되돌리기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Upgrade to nbformat 4.5 (Cell IDs)</source>
        <translation>nbformat 4.5로 업그레이드 (셀 ID)(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Close Notebook</source>
        <translation>노트북 닫기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation>최근 파일 목록 지우기</translation>
    </message>
    <message>
        <source>Untitled.ipynb</source>
        <translation>제목 없음.ipynb</translation>
    </message>
    <message>
        <source>Untitled%1.ipynb</source>
        <translation>제목 없음%1.ipynb</translation>
    </message>
    <message>
        <source>Cannot open notebook</source>
        <translation>노트북을 열 수 없음</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>%1을(를) 열 수 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>This notebook does not fully follow the nbformat schema (%n problem(s)). It opens and saves as it is.</source>
        <translation>
            <numerusform>이 노트북은 nbformat 스키마를 완전히 따르지 않습니다(문제 %n개). 있는 그대로 열고 저장합니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <source>Notebook problems</source>
        <translation>노트북 문제</translation>
    </message>
    <message>
        <source>Problems found in this notebook:</source>
        <translation>이 노트북에서 발견된 문제:</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>저장 실패</translation>
    </message>
    <message>
        <source>Save Notebook As</source>
        <translation>다른 이름으로 노트북 저장</translation>
    </message>
    <message>
        <source>Jupyter notebooks (*.ipynb)</source>
        <translation>Jupyter 노트북 (*.ipynb)</translation>
    </message>
    <message>
        <source>Revert to saved</source>
        <translation>저장된 상태로 되돌리기</translation>
    </message>
    <message>
        <source>Discard your changes to %1 and reload it from disk?</source>
        <translation>%1의 변경 사항을 버리고 디스크에서 다시 불러오시겠습니까?</translation>
    </message>
    <message>
        <source>Cannot revert</source>
        <translation>되돌릴 수 없음</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장되지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save changes to %1 before closing?</source>
        <translation>닫기 전에 %1의 변경 사항을 저장하시겠습니까?</translation>
    </message>
</context>
<context>
    <name>quire::app::FilesController</name>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Save to Runtime</source>
        <translation>런타임에 저장</translation>
    </message>
    <message>
        <source>Overwrite the runtime&apos;s copy with yours?</source>
        <translation>런타임에 있는 사본을 내 사본으로 덮어쓸까요?</translation>
    </message>
</context>
<context>
    <name>quire::app::FilesDock</name>
    <message>
        <source>Upload Files</source>
        <translation>파일 업로드</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>다운로드…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>경로 복사</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>업로드…</translation>
    </message>
    <message>
        <source>New Folder…</source>
        <translation>새 폴더…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Runtime files</source>
        <translation>런타임 파일</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 다운로드</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>새 폴더</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>폴더 이름:</translation>
    </message>
    <message>
        <source>Untitled Folder</source>
        <translation>제목 없는 폴더</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <source>Delete the folder “%1” and everything in it?</source>
        <translation>“%1” 폴더와 그 안의 모든 항목을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>“%1”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
</context>
<context>
    <name>quire::app::GpuCard</name>
    <message>
        <source>GPU utilization</source>
        <translation>GPU 사용률</translation>
    </message>
    <message>
        <source>Utilization:</source>
        <translation>사용률:</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 메모리</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>메모리:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>온도:</translation>
    </message>
    <message>
        <source>Power:</source>
        <translation>전력:</translation>
    </message>
    <message>
        <source>SM clock:</source>
        <translation>SM 클럭:</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>사용률</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>GPU utilization and memory, last 5 minutes</source>
        <translation>GPU 사용률과 메모리, 최근 5분</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Processes on this GPU</source>
        <translation>이 GPU의 프로세스</translation>
    </message>
    <message>
        <source>GPU %1: %2</source>
        <translation>GPU %1: %2</translation>
    </message>
    <message>
        <source>GPU %1 utilization</source>
        <translation>GPU %1 사용률</translation>
    </message>
    <message>
        <source>GPU %1 memory</source>
        <translation>GPU %1 메모리</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <source>%1 MHz</source>
        <translation>%1 MHz</translation>
    </message>
    <message>
        <source>The process list is not available.</source>
        <translation>프로세스 목록을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>No processes are using this GPU.</source>
        <translation>이 GPU를 사용하는 프로세스가 없습니다.</translation>
    </message>
    <message>
        <source>%1 (this notebook)</source>
        <translation>%1 (이 노트북)</translation>
    </message>
</context>
<context>
    <name>quire::app::HelpController</name>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation>Quire 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Command mode</source>
        <translation>명령 모드</translation>
    </message>
    <message>
        <source>Edit mode</source>
        <translation>편집 모드</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>모든 모드</translation>
    </message>
    <message>
        <source>Edit the selected cell</source>
        <translation>선택한 셀 편집</translation>
    </message>
    <message>
        <source>Back to command mode</source>
        <translation>명령 모드로 돌아가기</translation>
    </message>
    <message>
        <source>Select the cell above / below</source>
        <translation>위 / 아래 셀 선택</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>선택 영역 확장</translation>
    </message>
    <message>
        <source>Insert a code cell above / below</source>
        <translation>위 / 아래에 코드 셀 삽입</translation>
    </message>
    <message>
        <source>Delete the selected cells</source>
        <translation>선택한 셀 삭제</translation>
    </message>
    <message>
        <source>Undo (brings back deleted cells)</source>
        <translation>되돌리기(삭제한 셀 복원)</translation>
    </message>
    <message>
        <source>Change to code / markdown / raw</source>
        <translation>코드 / 마크다운 / 원시 셀로 변경</translation>
    </message>
    <message>
        <source>Copy / cut / paste cells below</source>
        <translation>셀 복사 / 잘라내기 / 아래에 붙여넣기</translation>
    </message>
    <message>
        <source>Paste cells above</source>
        <translation>위에 셀 붙여넣기</translation>
    </message>
    <message>
        <source>Merge selected cells (or with the cell below)</source>
        <translation>선택한 셀 병합(또는 아래 셀과 병합)</translation>
    </message>
    <message>
        <source>Split the cell at the cursor</source>
        <translation>커서 위치에서 셀 분할</translation>
    </message>
    <message>
        <source>First / last cell</source>
        <translation>첫 번째 / 마지막 셀</translation>
    </message>
    <message>
        <source>Run the cell (markdown renders) and select the next</source>
        <translation>셀 실행(마크다운은 렌더링) 후 다음 셀 선택</translation>
    </message>
    <message>
        <source>Run the cell and stay on it</source>
        <translation>셀 실행 후 현재 셀에 머무르기</translation>
    </message>
    <message>
        <source>Run the cell and insert a code cell below</source>
        <translation>셀 실행 후 아래에 코드 셀 삽입</translation>
    </message>
    <message>
        <source>Move into the neighbouring cell</source>
        <translation>인접한 셀로 이동</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <source>&amp;Report a Problem…</source>
        <translation>문제 보고(&amp;R)…</translation>
    </message>
    <message>
        <source>Report a Problem</source>
        <translation>문제 보고</translation>
    </message>
    <message>
        <source>The versions of Quire and its libraries, your operating system and the installed kernels were copied to the clipboard. Paste them into your problem report.</source>
        <translation>Quire와 라이브러리 버전, 운영 체제, 설치된 커널 정보를 클립보드에 복사했습니다. 문제 보고에 붙여 넣으세요.</translation>
    </message>
</context>
<context>
    <name>quire::app::HistoryChart</name>
    <message>
        <source>%i s</source>
        <translation>%i s</translation>
    </message>
    <message>
        <source>%i %</source>
        <translation>%i %</translation>
    </message>
</context>
<context>
    <name>quire::app::KernelPickerDialog</name>
    <message>
        <source>Select Kernel</source>
        <translation>커널 선택</translation>
    </message>
    <message>
        <source>This notebook does not say which kernel it needs. Choose one to run it on:</source>
        <translation>이 노트북에는 필요한 커널이 지정되어 있지 않습니다. 실행할 커널을 선택하세요:</translation>
    </message>
    <message>
        <source>This notebook asks for the kernel “%1”, which is not installed here. Choose one to run it on:</source>
        <translation>이 노트북은 “%1” 커널을 요구하지만 이 컴퓨터에 설치되어 있지 않습니다. 실행할 커널을 선택하세요:</translation>
    </message>
    <message>
        <source>Installed kernels</source>
        <translation>설치된 커널</translation>
    </message>
    <message>
        <source>Use Kernel</source>
        <translation>이 커널 사용</translation>
    </message>
</context>
<context>
    <name>quire::app::LocalRuntimeFiles</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>%1 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1이(가) 이미 있습니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>A name cannot be empty or contain “/”.</source>
        <translation>이름은 비어 있거나 “/”를 포함할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot rename %1.</source>
        <translation>%1의 이름을 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot delete %1.</source>
        <translation>%1을(를) 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a folder: only files can be uploaded.</source>
        <translation>%1은(는) 폴더입니다. 파일만 업로드할 수 있습니다.</translation>
    </message>
    <message>
        <source>%1 already exists in this folder.</source>
        <translation>이 폴더에 %1이(가) 이미 있습니다.</translation>
    </message>
    <message>
        <source>Cannot copy %1 here.</source>
        <translation>%1을(를) 여기에 복사할 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1을(를) 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>%1을(를) %2(으)로 복사할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>quire::app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>삽입(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Runtime</source>
        <translation>런타임(&amp;R)</translation>
    </message>
</context>
<context>
    <name>quire::app::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>메시지 닫기</translation>
    </message>
</context>
<context>
    <name>quire::app::NotebookKernel</name>
    <message>
        <source>The remote runtime is not available.</source>
        <translation>원격 런타임을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>The runtime has no kernels installed.</source>
        <translation>런타임에 설치된 커널이 없습니다.</translation>
    </message>
</context>
<context>
    <name>quire::app::RecoveryDialog</name>
    <message>
        <source>never saved</source>
        <translation>저장한 적 없음</translation>
    </message>
    <message>
        <source>the file has changed on disk since</source>
        <translation>그 후 디스크에서 파일이 변경됨</translation>
    </message>
    <message>
        <source>the file no longer exists</source>
        <translation>파일이 더 이상 없음</translation>
    </message>
    <message>
        <source>Recover Notebooks</source>
        <translation>노트북 복구</translation>
    </message>
    <message numerus="yes">
        <source>Quire closed unexpectedly. Recover %n notebook(s)?</source>
        <translation>
            <numerusform>Quire가 예기치 않게 종료되었습니다. 노트북 %n개를 복구하시겠습니까?</numerusform>
        </translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>노트북</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>마지막 변경</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Discard recovered notebooks</source>
        <translation>복구한 노트북 버리기</translation>
    </message>
    <message numerus="yes">
        <source>Discard the unsaved changes of %n notebook(s)? This cannot be undone.</source>
        <translation>
            <numerusform>노트북 %n개의 저장되지 않은 변경 사항을 버리시겠습니까? 이 작업은 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notebook(s) could not be recovered. Their journal files are kept in %1.</source>
        <translation>
            <numerusform>노트북 %n개를 복구할 수 없습니다. 해당 저널 파일은 %1에 보관되어 있습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::app::RecoveryJournal</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>quire::app::RemoteNotebookSync</name>
    <message>
        <source>The runtime is no longer connected.</source>
        <translation>런타임 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>The server sent no content for %1.</source>
        <translation>서버가 %1의 내용을 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The runtime is no longer connected: the notebook is saved only in %1.</source>
        <translation>런타임 연결이 끊겼습니다. 노트북은 %1에만 저장되었습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1을(를) 읽을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>quire::app::RemoteRuntimeController</name>
    <message>
        <source>&amp;Connect to a Runtime…</source>
        <translation>런타임에 연결(&amp;C)…</translation>
    </message>
    <message>
        <source>Runtime &amp;Location</source>
        <translation>런타임 위치(&amp;L)</translation>
    </message>
    <message>
        <source>Untrusted Certificate</source>
        <translation>신뢰할 수 없는 인증서</translation>
    </message>
    <message>
        <source>%1 presents a certificate that no authority on this computer vouches for.</source>
        <translation>%1이(가) 이 컴퓨터의 어떤 인증 기관도 보증하지 않는 인증서를 제시합니다.</translation>
    </message>
    <message>
        <source>Trust it only if you know this is your server&apos;s certificate.

Certificate: %1
Issued by: %2
SHA-256 fingerprint:
%3

%4</source>
        <translation>내 서버의 인증서임을 확실히 알 때만 신뢰하세요.

인증서: %1
발급자: %2
SHA-256 지문:
%3

%4</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>이 인증서 신뢰(&amp;T)</translation>
    </message>
    <message>
        <source>Local Runtime</source>
        <translation>로컬 런타임</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>삭제(&amp;F)</translation>
    </message>
    <message>
        <source>Connect to a Runtime</source>
        <translation>런타임에 연결</translation>
    </message>
    <message>
        <source>Change Runtime</source>
        <translation>런타임 변경</translation>
    </message>
    <message>
        <source>The kernel of this notebook stops, and its variables are lost. Outputs stay. Change the runtime?</source>
        <translation>이 노트북의 커널이 종료되어 변수가 사라집니다. 출력은 남습니다. 런타임을 바꿀까요?</translation>
    </message>
</context>
<context>
    <name>quire::app::RemoteRuntimeFiles</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The runtime is no longer connected.</source>
        <translation>런타임 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>%1 is a kernel gateway: it runs kernels but has no files to show.</source>
        <translation>%1은(는) 커널 게이트웨이입니다. 커널은 실행하지만 보여 줄 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1 (only files can be uploaded).</source>
        <translation>%1을(를) 읽을 수 없습니다(파일만 업로드할 수 있습니다).</translation>
    </message>
    <message>
        <source>The server sent no content for this file.</source>
        <translation>서버가 이 파일의 내용을 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>quire::app::RemoteRuntimes</name>
    <message>
        <source>This runtime is no longer in the list.</source>
        <translation>이 런타임은 더 이상 목록에 없습니다.</translation>
    </message>
    <message>
        <source>The token of %1 could not be read from the keychain: %2</source>
        <translation>키체인에서 %1의 토큰을 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>quire::app::ResourceDock</name>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <source>Resource Monitor</source>
        <translation>리소스 모니터</translation>
    </message>
    <message>
        <source>Resource monitor</source>
        <translation>리소스 모니터</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>CPU usage</source>
        <translation>CPU 사용률</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>CPU:</translation>
    </message>
    <message>
        <source>Memory usage</source>
        <translation>메모리 사용량</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>메모리:</translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation>디스크 사용량</translation>
    </message>
    <message>
        <source>Disk:</source>
        <translation>디스크:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>CPU and memory, last 5 minutes</source>
        <translation>CPU와 메모리, 최근 5분</translation>
    </message>
    <message>
        <source>TPUs</source>
        <translation>TPU</translation>
    </message>
    <message>
        <source>Live TPU metrics are not available; only the chips are listed.</source>
        <translation>실시간 TPU 지표는 볼 수 없으며 칩 목록만 표시합니다.</translation>
    </message>
    <message>
        <source>%1 % of %2 CPUs</source>
        <translation>CPU %2개 중 %1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Disk holding %1</source>
        <translation>%1이(가) 있는 디스크</translation>
    </message>
    <message>
        <source>No GPU information yet.</source>
        <translation>아직 GPU 정보가 없습니다.</translation>
    </message>
    <message>
        <source>No GPUs: %1</source>
        <translation>GPU 없음: %1</translation>
    </message>
    <message>
        <source>TPU %1: %2, %3</source>
        <translation>TPU %1: %2, %3</translation>
    </message>
    <message>
        <source>Cannot measure %1: %2</source>
        <translation>%1을(를) 측정할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Remote runtime</source>
        <translation>원격 런타임</translation>
    </message>
</context>
<context>
    <name>quire::app::ResourceIndicator</name>
    <message>
        <source>Disk</source>
        <translation>디스크</translation>
    </message>
    <message>
        <source>Memory and disk of the runtime</source>
        <translation>런타임의 메모리와 디스크</translation>
    </message>
    <message>
        <source>RAM: %1
Disk: %2
Click for the Resource Monitor</source>
        <translation>RAM: %1
디스크: %2
클릭하면 리소스 모니터가 열립니다</translation>
    </message>
</context>
<context>
    <name>quire::app::RuntimeController</name>
    <message>
        <source>Starting…</source>
        <translation>시작 중…</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>유휴</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation>다시 시작 중…</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>&amp;Run Cell</source>
        <translation>셀 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run Cell and &amp;Advance</source>
        <translation>셀 실행 후 다음으로(&amp;A)</translation>
    </message>
    <message>
        <source>Run Cell and &amp;Insert Below</source>
        <translation>셀 실행 후 아래에 삽입(&amp;I)</translation>
    </message>
    <message>
        <source>Run A&amp;ll Cells</source>
        <translation>모든 셀 실행(&amp;L)</translation>
    </message>
    <message>
        <source>Run All A&amp;bove</source>
        <translation>위의 셀 모두 실행(&amp;B)</translation>
    </message>
    <message>
        <source>Run &amp;Selected and Below</source>
        <translation>선택한 셀과 아래 셀 실행(&amp;S)</translation>
    </message>
    <message>
        <source>I&amp;nterrupt</source>
        <translation>중단(&amp;N)</translation>
    </message>
    <message>
        <source>Res&amp;tart…</source>
        <translation>다시 시작(&amp;T)…</translation>
    </message>
    <message>
        <source>Restart and Run All…</source>
        <translation>다시 시작 후 모두 실행…</translation>
    </message>
    <message>
        <source>Shut &amp;Down</source>
        <translation>종료(&amp;D)</translation>
    </message>
    <message>
        <source>Kernel status</source>
        <translation>커널 상태</translation>
    </message>
    <message>
        <source>%v / %m cells</source>
        <translation>%v / %m 셀</translation>
    </message>
    <message>
        <source>Run progress</source>
        <translation>실행 진행률</translation>
    </message>
    <message>
        <source>Cannot start the kernel</source>
        <translation>커널을 시작할 수 없습니다</translation>
    </message>
    <message>
        <source>The %1 kernel could not be started.</source>
        <translation>%1 커널을 시작하지 못했습니다.</translation>
    </message>
    <message>
        <source>The kernel died: %1. Your cells and their outputs are kept; variables are lost.</source>
        <translation>커널이 중지되었습니다: %1. 셀과 출력은 그대로 남아 있지만 변수는 사라졌습니다.</translation>
    </message>
    <message>
        <source>Restart Kernel</source>
        <translation>커널 다시 시작</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>시작 안 됨</translation>
    </message>
    <message>
        <source>Kernel: %1</source>
        <translation>커널: %1</translation>
    </message>
    <message>
        <source>Restart the kernel?</source>
        <translation>커널을 다시 시작할까요?</translation>
    </message>
    <message>
        <source>All variables will be lost. Outputs stay in the notebook.</source>
        <translation>모든 변수가 사라집니다. 출력은 노트북에 남습니다.</translation>
    </message>
    <message>
        <source>Restart and Run All</source>
        <translation>다시 시작 후 모두 실행</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>No kernels installed</source>
        <translation>설치된 커널 없음</translation>
    </message>
    <message>
        <source>Quire found no Jupyter kernels to run this notebook on.</source>
        <translation>이 노트북을 실행할 Jupyter 커널을 찾지 못했습니다.</translation>
    </message>
    <message>
        <source>Install one, for example the Debian package python3-ipykernel, and try again.</source>
        <translation>커널을 설치한 뒤(예: Debian 패키지 python3-ipykernel) 다시 시도하세요.</translation>
    </message>
    <message>
        <source>%1 finished running</source>
        <translation>%1 실행 완료</translation>
    </message>
    <message>
        <source>%1 stopped with an error</source>
        <translation>%1 실행이 오류로 중단됨</translation>
    </message>
    <message numerus="yes">
        <source>The run took %n second(s).</source>
        <translation>
            <numerusform>실행에 %n초 걸렸습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Runtime and accelerator</source>
        <translation>런타임과 가속기</translation>
    </message>
    <message>
        <source>Restart the runtime?</source>
        <translation>런타임을 다시 시작할까요?</translation>
    </message>
    <message>
        <source>The kernel restarts with the new runtime type. Variables will be lost; outputs stay in the notebook.</source>
        <translation>커널이 새 런타임 유형으로 다시 시작됩니다. 변수는 사라지고 출력은 노트북에 남습니다.</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>로컬</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>TPU %1</source>
        <translation>TPU %1</translation>
    </message>
    <message>
        <source>This notebook asks for a GPU, but this runtime has none.</source>
        <translation>이 노트북은 GPU를 요구하지만 이 런타임에는 GPU가 없습니다.</translation>
    </message>
    <message>
        <source>This notebook asks for a GPU, but this runtime has none (%1).</source>
        <translation>이 노트북은 GPU를 요구하지만 이 런타임에는 GPU가 없습니다 (%1).</translation>
    </message>
    <message>
        <source>This notebook asks for a TPU, but this runtime has none.</source>
        <translation>이 노트북은 TPU를 요구하지만 이 런타임에는 TPU가 없습니다.</translation>
    </message>
    <message>
        <source>Change Runtime Type</source>
        <translation>런타임 유형 변경</translation>
    </message>
    <message>
        <source>Continue without It</source>
        <translation>없이 계속</translation>
    </message>
    <message>
        <source>Change R&amp;untime Type…</source>
        <translation>런타임 유형 변경(&amp;U)…</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>연결 중…</translation>
    </message>
    <message>
        <source>%1 on %2 · %3</source>
        <translation>%1 (%2) · %3</translation>
    </message>
    <message>
        <source>reconnecting…</source>
        <translation>다시 연결하는 중…</translation>
    </message>
    <message>
        <source>The kernels of %1 could not be listed.</source>
        <translation>%1의 커널 목록을 가져올 수 없습니다.</translation>
    </message>
    <message>
        <source>The runtime has no kernels.</source>
        <translation>런타임에 커널이 없습니다.</translation>
    </message>
    <message>
        <source>%1 is a Jupyter Server: it starts kernels with its own environment, and only Kernel and Enterprise Gateways accept one per kernel. So Quire cannot hide GPUs from this kernel: the choice is recorded in the notebook, and the kernel sees every GPU of the server.</source>
        <translation>%1은(는) Jupyter Server입니다. 서버는 자체 환경으로 커널을 시작하며, 커널마다 환경을 받을 수 있는 것은 Kernel Gateway와 Enterprise Gateway뿐입니다. 그래서 Quire는 이 커널에서 GPU를 숨길 수 없습니다. 선택은 노트북에 기록되고, 커널은 서버의 모든 GPU를 봅니다.</translation>
    </message>
    <message>
        <source>The kernel restarts as %1 on %2 at the next run. Variables will be lost; outputs stay in the notebook.</source>
        <translation>다음 실행 때 커널이 %2에서 %1(으)로 다시 시작됩니다. 변수는 사라지고 출력은 노트북에 남습니다.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>quire::app::RuntimeFilesModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>수정한 날짜</translation>
    </message>
    <message>
        <source>Modified %1</source>
        <translation>수정: %1</translation>
    </message>
</context>
<context>
    <name>quire::app::RuntimeTypeDialog</name>
    <message>
        <source>unknown GPU</source>
        <translation>알 수 없는 GPU</translation>
    </message>
    <message>
        <source>Change Runtime Type</source>
        <translation>런타임 유형 변경</translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation>커널(&amp;K):</translation>
    </message>
    <message>
        <source>Hardware accelerator</source>
        <translation>하드웨어 가속기</translation>
    </message>
    <message>
        <source>&amp;None (CPU only)</source>
        <translation>없음 - CPU만(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;GPU — %1</source>
        <translation>GPU(&amp;G) — %1</translation>
    </message>
    <message>
        <source>&amp;GPU</source>
        <translation>GPU(&amp;G)</translation>
    </message>
    <message>
        <source>No NVIDIA GPU found on this runtime.</source>
        <translation>이 런타임에서 NVIDIA GPU를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Not available: %1.</source>
        <translation>사용할 수 없음: %1.</translation>
    </message>
    <message>
        <source>GPUs the kernel may use</source>
        <translation>커널이 사용할 GPU</translation>
    </message>
    <message>
        <source>GPU %1: %2</source>
        <translation>GPU %1: %2</translation>
    </message>
    <message>
        <source>&amp;TPU — %1</source>
        <translation>TPU(&amp;T) — %1</translation>
    </message>
    <message>
        <source>&amp;TPU</source>
        <translation>TPU(&amp;T)</translation>
    </message>
    <message>
        <source>No TPU found on this runtime.</source>
        <translation>이 런타임에서 TPU를 찾을 수 없습니다.</translation>
    </message>
    <message>
        <source>Saving records the choice in the notebook. A running kernel restarts with it.</source>
        <translation>저장하면 선택이 노트북에 기록됩니다. 실행 중인 커널은 이 설정으로 다시 시작됩니다.</translation>
    </message>
</context>
<context>
    <name>quire::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>설정 페이지</translation>
    </message>
    <message>
        <source>&amp;Editor</source>
        <translation>편집기(&amp;E)</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>모양(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Runtime</source>
        <translation>런타임(&amp;R)</translation>
    </message>
    <message>
        <source>Changes apply at once.</source>
        <translation>변경 사항은 바로 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Font:</source>
        <translation>글꼴(&amp;F):</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>크기(&amp;S):</translation>
    </message>
    <message>
        <source>Show &amp;line numbers in code cells</source>
        <translation>코드 셀에 줄 번호 표시(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>테마(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>A new language applies the next time Quire starts.</source>
        <translation>새 언어는 Quire를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Save notebooks automatically</source>
        <translation>노트북 자동 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;after (seconds):</source>
        <translation>저장 간격(초)(&amp;A):</translation>
    </message>
    <message>
        <source>Counted from the first change since the last save. Notebooks without a file are kept in the recovery journal instead.</source>
        <translation>마지막 저장 후 첫 변경부터 셉니다. 파일이 없는 노트북은 대신 복구 기록에 보관됩니다.</translation>
    </message>
    <message>
        <source>&amp;Default kernel:</source>
        <translation>기본 커널(&amp;D):</translation>
    </message>
    <message>
        <source>Start a kernel ahead of time (&amp;warm kernel)</source>
        <translation>커널을 미리 시작(&amp;W)</translation>
    </message>
    <message>
        <source>New notebooks, and notebooks that name no kernel, use the default kernel. A warm kernel makes the first run start at once.</source>
        <translation>새 노트북과 커널이 지정되지 않은 노트북은 기본 커널을 사용합니다. 커널을 미리 시작해 두면 첫 실행이 바로 시작됩니다.</translation>
    </message>
    <message>
        <source>%1 (not installed)</source>
        <translation>%1 (설치되지 않음)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Resource sampling &amp;interval:</source>
        <translation>리소스 측정 간격(&amp;I):</translation>
    </message>
</context>
<context>
    <name>quire::app::TocDock</name>
    <message>
        <source>Table of Contents</source>
        <translation>목차</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>목차</translation>
    </message>
</context>
<context>
    <name>quire::app::TrustController</name>
    <message>
        <source>&amp;Trust Notebook…</source>
        <translation>노트북 신뢰(&amp;T)…</translation>
    </message>
    <message>
        <source>Trust Notebook</source>
        <translation>노트북 신뢰</translation>
    </message>
    <message>
        <source>Outputs saved in %1 may contain scripts, which do not run until you trust the notebook. Only trust notebooks from sources you trust.

Trust this notebook?</source>
        <translation>%1에 저장된 출력에는 스크립트가 들어 있을 수 있으며, 노트북을 신뢰하기 전까지는 실행되지 않습니다. 신뢰할 수 있는 출처의 노트북만 신뢰하세요.

이 노트북을 신뢰할까요?</translation>
    </message>
</context>
<context>
    <name>quire::app::VersionReport</name>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>설치되지 않음</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>확인 중…</translation>
    </message>
    <message>
        <source>Operating system: %1</source>
        <translation>운영 체제: %1</translation>
    </message>
    <message>
        <source>Kernels: %1</source>
        <translation>커널: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
</context>
<context>
    <name>quire::app::ViewController</name>
    <message>
        <source>&amp;Table of Contents</source>
        <translation>목차(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Line Numbers</source>
        <translation>줄 번호(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Collapse All Sections</source>
        <translation>모든 섹션 접기(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Expand All Sections</source>
        <translation>모든 섹션 펼치기(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템 설정</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language applies the next time Quire starts.</source>
        <translation>새 언어는 다음에 Quire를 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>명령 팔레트(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Resource Monitor</source>
        <translation>리소스 모니터(&amp;R)</translation>
    </message>
</context>
<context>
    <name>quire::app::WelcomeController</name>
    <message>
        <source>&amp;Welcome Tour</source>
        <translation>둘러보기(&amp;W)</translation>
    </message>
    <message>
        <source>Welcome.ipynb</source>
        <translation>환영합니다.ipynb</translation>
    </message>
</context>
<context>
    <name>quire::drive</name>
    <message>
        <source>The Drive service (rclone) is not reachable.</source>
        <translation>Drive 서비스(rclone)에 연결할 수 없습니다.</translation>
    </message>
    <message>
        <source>rclone refused Quire&apos;s credentials.</source>
        <translation>rclone이 Quire의 자격 증명을 거부했습니다.</translation>
    </message>
    <message>
        <source>The sign-in for this remote has expired or was revoked. Connect it again.</source>
        <translation>이 리모트의 로그인이 만료되었거나 취소되었습니다. 다시 연결하세요.</translation>
    </message>
    <message>
        <source>This remote is not configured.</source>
        <translation>이 리모트는 설정되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>The folder does not exist (any more).</source>
        <translation>폴더가 (더 이상) 없습니다.</translation>
    </message>
    <message>
        <source>The file does not exist (any more).</source>
        <translation>파일이 (더 이상) 없습니다.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>The remote&apos;s server cannot be reached: %1</source>
        <translation>리모트 서버에 연결할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>rclone answered %1 with HTTP status %2.</source>
        <translation>rclone이 %1에 HTTP 상태 %2(으)로 응답했습니다.</translation>
    </message>
    <message>
        <source>rclone: %1</source>
        <translation>rclone: %1</translation>
    </message>
</context>
<context>
    <name>quire::drive::AddRemoteDialog</name>
    <message>
        <source>Add Remote</source>
        <translation>리모트 추가</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>종류(&amp;T):</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Add &amp;Parameter</source>
        <translation>매개변수 추가(&amp;P)</translation>
    </message>
</context>
<context>
    <name>quire::drive::DriveModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>수정한 날짜</translation>
    </message>
</context>
<context>
    <name>quire::drive::DriveOperations</name>
    <message>
        <source>New folder %1</source>
        <translation>새 폴더 %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 삭제</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1의 이름을 %2(으)로 바꾸기</translation>
    </message>
    <message>
        <source>Upload %1</source>
        <translation>%1 업로드</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 다운로드</translation>
    </message>
</context>
<context>
    <name>quire::drive::DrivePanel</name>
    <message>
        <source>Remote</source>
        <translation>리모트</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Connect &amp;Google Drive…</source>
        <translation>Google Drive 연결(&amp;G)…</translation>
    </message>
    <message>
        <source>Add &amp;Remote…</source>
        <translation>리모트 추가(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;move This Remote…</source>
        <translation>이 리모트 제거(&amp;M)…</translation>
    </message>
    <message>
        <source>Remove Remote</source>
        <translation>리모트 제거</translation>
    </message>
    <message>
        <source>Remove the remote “%1” from Quire? Its files stay where they are.</source>
        <translation>Quire에서 “%1” 리모트를 제거할까요? 파일은 그대로 남습니다.</translation>
    </message>
    <message>
        <source>Mount</source>
        <translation>마운트</translation>
    </message>
    <message>
        <source>New &amp;Folder…</source>
        <translation>새 폴더(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>업로드(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Download…</source>
        <translation>다운로드(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>이름 바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>삭제(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Copy Path</source>
        <translation>경로 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Insert Path into Cell</source>
        <translation>셀에 경로 넣기(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>새로 고침(&amp;F)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>전송</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Clear Finished</source>
        <translation>완료된 항목 지우기</translation>
    </message>
    <message>
        <source>rclone stopped (%1) and is being restarted; mounts must be mounted again.</source>
        <translation>rclone이 멈춰서(%1) 다시 시작하는 중입니다. 마운트는 다시 해야 합니다.</translation>
    </message>
    <message>
        <source>Starting rclone…</source>
        <translation>rclone 시작 중…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Drive is not available.&lt;/b&gt;&lt;br&gt;%1</source>
        <translation>&lt;b&gt;Drive를 사용할 수 없습니다.&lt;/b&gt;&lt;br&gt;%1</translation>
    </message>
    <message>
        <source>Drive is stopped.</source>
        <translation>Drive가 중지되었습니다.</translation>
    </message>
    <message>
        <source>No remotes yet: use Add</source>
        <translation>아직 리모트가 없습니다. 추가를 사용하세요</translation>
    </message>
    <message>
        <source>Checking space…</source>
        <translation>공간 확인 중…</translation>
    </message>
    <message>
        <source>Unmount</source>
        <translation>마운트 해제</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>새 폴더</translation>
    </message>
    <message>
        <source>Folder name:</source>
        <translation>폴더 이름:</translation>
    </message>
    <message>
        <source>Untitled Folder</source>
        <translation>제목 없는 폴더</translation>
    </message>
    <message>
        <source>A folder name cannot contain “/”.</source>
        <translation>폴더 이름에는 “/”를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <source>A name cannot contain “/”.</source>
        <translation>이름에는 “/”를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Delete the folder “%1” and everything in it from %2?</source>
        <translation>%2에서 “%1” 폴더와 그 안의 모든 항목을 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete “%1” from %2?</source>
        <translation>%2에서 “%1”을(를) 삭제할까요?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Download To</source>
        <translation>다운로드 위치</translation>
    </message>
    <message>
        <source>Upload Files</source>
        <translation>파일 업로드</translation>
    </message>
    <message>
        <source>Name for this remote:</source>
        <translation>이 리모트의 이름:</translation>
    </message>
    <message>
        <source>Connect Google Drive</source>
        <translation>Google Drive 연결</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Sign-in cancelled; Google Drive was not connected.</source>
        <translation>로그인을 취소했습니다. Google Drive는 연결되지 않았습니다.</translation>
    </message>
    <message>
        <source>Add Remote</source>
        <translation>리모트 추가</translation>
    </message>
    <message>
        <source>Checking for rclone on %1…</source>
        <translation>%1에 rclone이 있는지 확인하는 중…</translation>
    </message>
    <message>
        <source>Mount on %1</source>
        <translation>%1에 마운트</translation>
    </message>
    <message>
        <source>Unmount from %1</source>
        <translation>%1에서 마운트 해제</translation>
    </message>
    <message>
        <source>Mounted on %1 at %2</source>
        <translation>%1의 %2에 마운트됨</translation>
    </message>
    <message>
        <source>Waiting for uploads, then unmounting on %1…</source>
        <translation>업로드가 끝나기를 기다린 뒤 %1에서 마운트를 해제하는 중…</translation>
    </message>
    <message>
        <source>Mounting on %1…</source>
        <translation>%1에 마운트하는 중…</translation>
    </message>
</context>
<context>
    <name>quire::drive::DriveSignIn</name>
    <message>
        <source>Creating the remote “%1”…</source>
        <translation>“%1” 리모트를 만드는 중…</translation>
    </message>
    <message>
        <source>Waiting for you to sign in with Google in your browser…</source>
        <translation>브라우저에서 Google 로그인을 기다리는 중…</translation>
    </message>
    <message>
        <source>Signed in; finishing the remote…</source>
        <translation>로그인했습니다. 리모트를 마무리하는 중…</translation>
    </message>
    <message>
        <source>Sign-in was cancelled in the browser; Google Drive was not connected.</source>
        <translation>브라우저에서 로그인을 취소했습니다. Google Drive는 연결되지 않았습니다.</translation>
    </message>
    <message>
        <source>Another sign-in is waiting for the browser (port 53682 is busy). Finish or close it, then try again.</source>
        <translation>다른 로그인이 브라우저를 기다리고 있습니다(포트 53682 사용 중). 그 로그인을 마치거나 닫은 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The sign-in ended without a token.</source>
        <translation>토큰 없이 로그인이 끝났습니다.</translation>
    </message>
    <message>
        <source>The sign-in failed: %1</source>
        <translation>로그인에 실패했습니다: %1</translation>
    </message>
    <message>
        <source>Sign in with Google in your browser. If it did not open, visit
%1</source>
        <translation>브라우저에서 Google로 로그인하세요. 브라우저가 열리지 않았다면 다음 주소로 가세요.
%1</translation>
    </message>
</context>
<context>
    <name>quire::drive::MountManager</name>
    <message>
        <source>Browse and copy work; mounting needs FUSE (/dev/fuse is missing here).</source>
        <translation>찾아보기와 복사는 됩니다. 마운트하려면 FUSE가 필요합니다(이 컴퓨터에는 /dev/fuse가 없습니다).</translation>
    </message>
    <message>
        <source>Browse and copy work; mounting needs FUSE (install fuse3 for fusermount3).</source>
        <translation>찾아보기와 복사는 됩니다. 마운트하려면 FUSE가 필요합니다(fusermount3를 위해 fuse3를 설치하세요).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>%1 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Mounting failed: %1</source>
        <translation>마운트하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Unmounting failed: %1</source>
        <translation>마운트를 해제하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The mount was lost when rclone stopped; mount it again.</source>
        <translation>rclone이 멈추면서 마운트가 풀렸습니다. 다시 마운트하세요.</translation>
    </message>
    <message>
        <source>Not mounted</source>
        <translation>마운트되지 않음</translation>
    </message>
    <message>
        <source>Mounting…</source>
        <translation>마운트하는 중…</translation>
    </message>
    <message>
        <source>Mounted at %1</source>
        <translation>%1에 마운트됨</translation>
    </message>
    <message numerus="yes">
        <source>Syncing %n upload(s)…</source>
        <translation>
            <numerusform>업로드 %n개 동기화 중…</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>동기화 중…</translation>
    </message>
    <message>
        <source>Unmounting…</source>
        <translation>마운트 해제 중…</translation>
    </message>
</context>
<context>
    <name>quire::drive::RcJob</name>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
</context>
<context>
    <name>quire::drive::RcloneDaemon</name>
    <message>
        <source>%1 did not report its version; is it really rclone?</source>
        <translation>%1이(가) 버전을 알려 주지 않았습니다. 정말 rclone인가요?</translation>
    </message>
    <message>
        <source>%1 is too old for Quire; rclone %2.%3 or newer is needed.</source>
        <translation>%1은(는) Quire에 너무 오래된 버전입니다. rclone %2.%3 이상이 필요합니다.</translation>
    </message>
    <message>
        <source>rclone (%1) could not be started: %2</source>
        <translation>rclone(%1)을 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>No free local port for rclone.</source>
        <translation>rclone에 쓸 빈 로컬 포트가 없습니다.</translation>
    </message>
    <message>
        <source>rclone started but did not answer within %1 s.</source>
        <translation>rclone이 시작했지만 %1초 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>rclone stopped unexpectedly</source>
        <translation>rclone이 예기치 않게 멈췄습니다</translation>
    </message>
    <message>
        <source>rclone exited with code %1</source>
        <translation>rclone이 코드 %1(으)로 종료했습니다</translation>
    </message>
    <message>
        <source>%1. It was restarted %2 times already; Drive is off until Quire restarts.</source>
        <translation>%1. 이미 %2번 다시 시작했습니다. Quire를 다시 시작할 때까지 Drive는 꺼집니다.</translation>
    </message>
</context>
<context>
    <name>quire::drive::RemoteMount</name>
    <message>
        <source>The runtime is no longer connected.</source>
        <translation>런타임 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>The runtime&apos;s terminals cannot be used: %1</source>
        <translation>런타임의 터미널을 사용할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>rclone is not installed on the runtime: Drive there is browse and copy only.</source>
        <translation>런타임에 rclone이 설치되어 있지 않습니다. 그 런타임에서는 Drive를 찾아보고 복사만 할 수 있습니다.</translation>
    </message>
    <message>
        <source>The remote name “%1” cannot be passed to the runtime; rename it with letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;.</source>
        <translation>리모트 이름 “%1”은(는) 런타임에 넘길 수 없습니다. 문자, 숫자, ‘-’, ‘_’, ‘.’만 써서 이름을 바꾸세요.</translation>
    </message>
    <message>
        <source>The Drive service (rclone) is not running here.</source>
        <translation>이 컴퓨터에서 Drive 서비스(rclone)가 실행되고 있지 않습니다.</translation>
    </message>
    <message>
        <source>Mounting on the runtime failed: %1</source>
        <translation>런타임에 마운트하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Unmounting on the runtime failed: %1</source>
        <translation>런타임에서 마운트를 해제하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>quire::drive::Remotes</name>
    <message>
        <source>%1 of %2 used</source>
        <translation>%2 중 %1 사용</translation>
    </message>
    <message>
        <source>%1 used, %2 free</source>
        <translation>%1 사용, %2 남음</translation>
    </message>
    <message>
        <source>%1 used</source>
        <translation>%1 사용</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>%1 남음</translation>
    </message>
    <message>
        <source>Quota unknown</source>
        <translation>할당량 알 수 없음</translation>
    </message>
</context>
<context>
    <name>quire::drive::TransferList</name>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Done · %1</source>
        <translation>완료 · %1</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 중 %1</translation>
    </message>
    <message>
        <source> · %1/s</source>
        <translation> · %1/s</translation>
    </message>
    <message numerus="yes">
        <source> · %n s left</source>
        <translation>
            <numerusform> · %n초 남음</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::editor::CellInputRow</name>
    <message>
        <source>Input for the running cell</source>
        <translation>실행 중인 셀의 입력</translation>
    </message>
</context>
<context>
    <name>quire::editor::CellWidget</name>
    <message>
        <source>not run</source>
        <translation>실행 안 됨</translation>
    </message>
    <message>
        <source>An earlier cell failed, so this cell was not run</source>
        <translation>앞의 셀이 실패해서 이 셀은 실행되지 않았습니다</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
</context>
<context>
    <name>quire::editor::FindBar</name>
    <message>
        <source>Find in notebook</source>
        <translation>노트북에서 찾기</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>찾기</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>대/소문자 구분</translation>
    </message>
    <message>
        <source>Whole word</source>
        <translation>단어 단위로</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>정규식</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>이전</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>찾기 표시줄 닫기</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>닫기(Esc)</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>바꿀 내용</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>바꾸기</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>모두 바꾸기</translation>
    </message>
    <message>
        <source>Invalid pattern: %1</source>
        <translation>잘못된 패턴: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>일치 항목 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source> (in output, read-only)</source>
        <translation> (출력 내용, 읽기 전용)</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n개 항목을 바꿨습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::editor::ImageOutputView</name>
    <message>
        <source>Copy Image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>Save Image As…</source>
        <translation>다른 이름으로 이미지 저장…</translation>
    </message>
    <message>
        <source>Save Image As</source>
        <translation>다른 이름으로 이미지 저장</translation>
    </message>
    <message>
        <source>image.%1</source>
        <translation>이미지.%1</translation>
    </message>
    <message>
        <source>%1 images (*.%2);;All files (*)</source>
        <translation>%1 이미지 (*.%2);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>quire::editor::JsonTreeView</name>
    <message>
        <source>JSON output</source>
        <translation>JSON 출력</translation>
    </message>
    <message>
        <source>1 key</source>
        <translation>키 1개</translation>
    </message>
    <message>
        <source>%1 keys</source>
        <translation>키 %1개</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>항목 1개</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>항목 %1개</translation>
    </message>
    <message>
        <source>Copy Value</source>
        <translation>값 복사</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>접기</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>펼치기</translation>
    </message>
</context>
<context>
    <name>quire::editor::LatexOutputView</name>
    <message>
        <source>Copy LaTeX Source</source>
        <translation>LaTeX 소스 복사</translation>
    </message>
</context>
<context>
    <name>quire::editor::MarkdownView</name>
    <message>
        <source>Open Link</source>
        <translation>링크 열기</translation>
    </message>
    <message>
        <source>Copy Link Address</source>
        <translation>링크 주소 복사</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation>모두 복사</translation>
    </message>
    <message>
        <source>Copy Markdown Source</source>
        <translation>마크다운 원본 복사</translation>
    </message>
</context>
<context>
    <name>quire::editor::NotebookDocument</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>This file cannot be opened as a notebook.</source>
        <translation>이 파일은 노트북으로 열 수 없습니다.</translation>
    </message>
    <message>
        <source>No file name given.</source>
        <translation>파일 이름이 지정되지 않았습니다.</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
</context>
<context>
    <name>quire::editor::OutputArea</name>
    <message>
        <source>[%1 image could not be decoded]</source>
        <translation>[%1 이미지를 디코딩할 수 없습니다]</translation>
    </message>
    <message>
        <source>[output of type &quot;%1&quot; is not shown]</source>
        <translation>[유형이 &quot;%1&quot;인 출력은 표시되지 않습니다]</translation>
    </message>
    <message>
        <source>[%1 output is not shown]</source>
        <translation>[%1 출력은 표시되지 않습니다]</translation>
    </message>
    <message>
        <source>Out[%1]:</source>
        <translation>Out[%1]:</translation>
    </message>
    <message>
        <source>Out[ ]:</source>
        <translation>Out[ ]:</translation>
    </message>
    <message>
        <source>Click to hide the outputs</source>
        <translation>클릭하면 출력을 숨깁니다</translation>
    </message>
    <message>
        <source>Output scroll bar</source>
        <translation>출력 스크롤 막대</translation>
    </message>
    <message>
        <source>Click to show the outputs</source>
        <translation>클릭하면 출력을 보여 줍니다</translation>
    </message>
    <message>
        <source>… 1 output hidden</source>
        <translation>… 출력 1개 숨김</translation>
    </message>
    <message>
        <source>… %1 outputs hidden</source>
        <translation>… 출력 %1개 숨김</translation>
    </message>
    <message>
        <source>Copy Output</source>
        <translation>출력 복사</translation>
    </message>
    <message>
        <source>Open in Viewer</source>
        <translation>뷰어에서 열기</translation>
    </message>
    <message>
        <source>Show Outputs</source>
        <translation>출력 보이기</translation>
    </message>
    <message>
        <source>Hide Outputs</source>
        <translation>출력 숨기기</translation>
    </message>
    <message>
        <source>Scroll Long Output</source>
        <translation>긴 출력 스크롤</translation>
    </message>
    <message>
        <source>Clear Output</source>
        <translation>출력 지우기</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
</context>
<context>
    <name>quire::editor::OutputViewer</name>
    <message>
        <source>&amp;Find:</source>
        <translation>찾기(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>이전(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>다음(&amp;N)</translation>
    </message>
    <message>
        <source>Output text</source>
        <translation>출력 텍스트</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>일치 항목 없음</translation>
    </message>
</context>
<context>
    <name>quire::editor::TextOutputView</name>
    <message numerus="yes">
        <source>⋯ %n more line(s) not shown; use Copy Output or Save Output As… ⋯</source>
        <translation>
            <numerusform>⋯ 표시되지 않은 줄이 %n개 더 있습니다. ‘출력 복사’ 또는 ‘다른 이름으로 출력 저장…’을 사용하세요 ⋯</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy Output</source>
        <translation>출력 복사</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <source>Save Output As…</source>
        <translation>다른 이름으로 출력 저장…</translation>
    </message>
    <message>
        <source>Save Output As</source>
        <translation>다른 이름으로 출력 저장</translation>
    </message>
    <message>
        <source>output.txt</source>
        <translation>출력.txt</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>텍스트 파일 (*.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>quire::editor::WidgetOutputView</name>
    <message>
        <source>A Jupyter widget could not be displayed because the widget state could not be found. This happens when the kernel that made it has stopped or restarted, or when the notebook was opened from a file: run the cell again.</source>
        <translation>위젯 상태를 찾을 수 없어 Jupyter 위젯을 표시할 수 없습니다. 위젯을 만든 커널이 멈췄거나 다시 시작되었을 때, 또는 노트북을 파일에서 열었을 때 이렇게 됩니다. 셀을 다시 실행하세요.</translation>
    </message>
</context>
<context>
    <name>quire::kernel::KernelClient</name>
    <message>
        <source>The kernel was restarted</source>
        <translation>커널을 다시 시작했습니다</translation>
    </message>
    <message>
        <source>The kernel was shut down</source>
        <translation>커널이 종료되었습니다</translation>
    </message>
    <message>
        <source>The kernel restarted</source>
        <translation>커널이 다시 시작되었습니다</translation>
    </message>
    <message>
        <source>The kernel did not answer within %1 seconds</source>
        <translation>커널이 %1초 안에 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>The kernel stopped answering heartbeats</source>
        <translation>커널이 하트비트에 더 이상 응답하지 않습니다</translation>
    </message>
</context>
<context>
    <name>quire::kernel::LocalKernelLauncher</name>
    <message>
        <source>the kernelspec has no command</source>
        <translation>kernelspec에 실행할 명령이 없습니다</translation>
    </message>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1을(를) 실행할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>다시 시작하는 중</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>종료됨</translation>
    </message>
    <message>
        <source>the kernel process was killed or crashed</source>
        <translation>커널 프로세스가 강제 종료되었거나 비정상 종료되었습니다</translation>
    </message>
    <message>
        <source>the kernel process exited with status %1</source>
        <translation>커널 프로세스가 종료되었습니다(종료 상태 %1)</translation>
    </message>
</context>
</TS>
